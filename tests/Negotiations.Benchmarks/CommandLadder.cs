using JasperFx.Events.Projections;
using Marten;
using Negotiations.ReadModels.Links;
using Negotiations.ReadModels.Status;
using Negotiations.Understandings;

namespace Negotiations.Benchmarks;

/// <summary>
/// Where the time of a command goes between plain Marten and our store, in process (no HTTP, no Wolverine, no daemon):
/// FetchForWriting + append + SaveChanges on stores that add our pieces one at a time, each in its own schema,
/// interleaved round after round because the machine's load drifts.
/// Usage: dotnet run -c Release --project tests/Negotiations.Benchmarks -- --command-ladder [seconds per window] [rounds]
/// </summary>
public static class CommandLadder
{
    private sealed record Step(string Name, Func<string, string, DocumentStore> Store, bool Ours);

    /// <summary>Our pieces in the order the ladder adds them: each rung has every piece above it too.</summary>
    private static readonly (string Name, Action<StoreOptions> Add)[] Pieces =
    [
        ("+ our Understanding write model instead (UnderstandingProjection)", o => o.Projections.Add<UnderstandingProjection>(ProjectionLifecycle.Inline)),
        ("+ what readers see of it (UnderstandingDetailsProjection)", o => o.Projections.Add<UnderstandingDetailsProjection>(ProjectionLifecycle.Inline)),
        ("+ StreamLink (inline)", o =>
        {
            o.Projections.Add<StreamLinkProjection>(ProjectionLifecycle.Inline);
            StreamLinkProjection.ConfigureDocument(o);
        }),
        ("+ the overview's duplicated columns", OverviewColumns.Configure),
        ("+ the unique index on the event id", o => o.Events.EnableUniqueIndexOnEventId = true),
    ];

    private static readonly Step[] Steps =
    [
        new("plain Marten: a minimal write model snapshotted inline", (c, s) => Stores.Plain(c, s), false),
        .. Pieces.Select((piece, i) => new Step(piece.Name, (c, s) => Stores.With(c, s, o =>
        {
            foreach (var (_, add) in Pieces.Take(i + 1)) add(o);
        }), true)),
        new("our whole store (every projection registered, the daemon's policy, the audit tables)", (c, s) => Stores.Application(c, s), true),
    ];

    public static async Task<int> RunAsync(Settings settings, string[] args)
    {
        var numbers = args.SkipWhile(a => a != "--command-ladder").Skip(1).TakeWhile(a => !a.StartsWith("--"))
            .Select(a => double.TryParse(a, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0).ToList();
        var window = TimeSpan.FromSeconds(numbers.ElementAtOrDefault(0) is > 0 and var w ? w : 3);
        var rounds = numbers.ElementAtOrDefault(1) is > 0 and var r ? (int)r : 3;
        var db = new Database(settings.ConnectionString);
        var prefix = "bench_" + Guid.NewGuid().ToString("N")[..10];
        Console.WriteLine($"Command ladder: {Steps.Length} stores, {rounds} rounds of {window.TotalSeconds} s, load average {Harness.LoadAverage()}");
        var stores = Steps.Select((step, i) => step.Store(settings.ConnectionString, $"{prefix}_{i}")).ToList();
        try
        {
            foreach (var clients in new[] { 1, 4 })
            {
                var results = new LoadResult?[Steps.Length];
                var cpu = new CpuUse?[Steps.Length];
                for (var round = 0; round <= rounds; round++)
                    for (var i = 0; i < Steps.Length; i++)
                    {
                        var store = stores[i];
                        var (result, used) = await CpuUse.MeasureAsync(settings.ConnectionString, () => Load.RunAsync(clients, round == 0 ? TimeSpan.FromSeconds(1) : window,
                            _ => Steps[i].Ours ? StoreCommandClient<Understanding>.CreateAsync(store) : StoreCommandClient<PlainUnderstanding>.CreateAsync(store)));
                        if (round == 0) continue; // warm-up: creates the schema and compiles the store's code
                        results[i] = results[i] is { } before ? before.Merge(result) : result;
                        cpu[i] = cpu[i] is { } earlier ? earlier.Plus(used) : used;
                    }
                Console.WriteLine();
                Console.WriteLine($"{clients} client(s), load average {Harness.LoadAverage()}:");
                for (var i = 0; i < Steps.Length; i++)
                    Console.WriteLine($"  {Format.Rate(results[i]!.PerSecond, "cmd"),-12} {Format.Ratio(results[i]!.PerSecond / results[0]!.PerSecond),6} " +
                                      $"{results[i]!.Latencies.Summary,-28} {Steps[i].Name}; {cpu[i]!.PerCommand.Replace(", application 0.00 ms", "")}" +
                                      (results[i]!.Failed > 0 ? $" ({results[i]!.Failed} failed: {results[i]!.FirstFailure})" : ""));
            }
        }
        finally
        {
            foreach (var store in stores) await store.DisposeAsync();
            for (var i = 0; i < Steps.Length; i++) await db.DropSchemaAsync($"{prefix}_{i}");
        }
        return 0;
    }
}
