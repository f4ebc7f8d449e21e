using JasperFx.CommandLine;
using Negotiations.Operations.Settings;
using Marten;

namespace Negotiations.Operations.CommandLine;

public sealed class RebuildInput : NetCoreInput
{
    [Description("Only this projection (by name, e.g. UnderstandingStatus); repeatable. Every projection when absent")]
    public List<string> ProjectionFlag { get; set; } = [];
}

/// <summary>
/// Rebuilds the live projections from the events, in place, with Marten's daemon (the library's
/// <c>projections rebuild</c> cannot reconfigure a host that is built already and prints raw markup).
/// </summary>
[Description("Rebuild the projections (every one, or --projection name) from the events in place; stop the serving nodes' daemon first; exit 0 done, 2 error", Name = "rebuild")]
public sealed class RebuildCommand : JasperFxAsyncCommand<RebuildInput>
{
    private static readonly TimeSpan ShardTimeout = TimeSpan.FromMinutes(10);

    public override Task<bool> Execute(RebuildInput input) => ExitCodes.Guard("rebuild", () =>
    {
        ExitCodes.Ran();
        return CommandHost.RunAsync("rebuild", input, async services =>
        {
            var store = (DocumentStore)services.GetRequiredService<IDocumentStore>();
            var known = store.Options.Projections.All.Select(p => p.Name).Distinct().ToList();
            var unknown = input.ProjectionFlag.Where(n => !known.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
            if (unknown.Count > 0)
            {
                await Console.Error.WriteLineAsync($"rebuild: no projection {string.Join(", ", unknown)}; the projections are {string.Join(", ", known)}");
                ExitCodes.Fail();
                return false;
            }
            var names = input.ProjectionFlag.Count == 0 ? known : known.Where(n => input.ProjectionFlag.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();

            using var daemon = await store.BuildProjectionDaemonAsync();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await CommandProgress.RunAsync("rebuild", "projections", names.Count, async report =>
            {
                var done = 0;
                foreach (var name in names)
                {
                    var started = watch.Elapsed;
                    await daemon.RebuildProjectionAsync(name, ShardTimeout, CancellationToken.None);
                    report(++done);
                    if (Console.IsErrorRedirected) await Console.Error.WriteLineAsync($"rebuild: {name} in {(watch.Elapsed - started).TotalSeconds:0.0} s");
                }
                return done;
            });
            await Console.Error.WriteLineAsync($"rebuild: {names.Count} projections rebuilt in {watch.Elapsed.TotalSeconds:0.0} s");
            return true;
        });
    });
}
