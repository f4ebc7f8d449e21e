using System.Diagnostics;
using JasperFx.Events.Projections;
using Marten;

namespace Negotiations.Benchmarks;

/// <summary>
/// Tries the daemon's rebuild settings on the plain-Marten floor (a counter per stream) and on our two async read
/// models, each against the raw sequential read of the same table, with the harness's own CPU time beside the
/// wall time (how much of the rebuild is spent in this process rather than waiting on PostgreSQL).
/// Usage: dotnet run -c Release --project tests/Negotiations.Benchmarks -- --rebuild-tuning [events]
/// </summary>
public static class RebuildTuning
{
    private sealed record Variant(string Name, Action<StoreOptions> Tune);

    private static readonly Variant[] Variants =
    [
        new("Marten's defaults (page 500, hopper 5,000)", o =>
        {
            Each(o, a => { a.BatchSize = 500; a.MaximumHopperSize = 5_000; a.RebuildFlushThreshold = 0; });
            o.Projections.RebuildWithBulkCopy = false;
        }),
        new("page 5,000, hopper 50,000 (the application's, DaemonPolicy.cs)", o =>
        {
            Each(o, a => { a.BatchSize = 5_000; a.MaximumHopperSize = 50_000; a.RebuildFlushThreshold = 0; });
            o.Projections.RebuildWithBulkCopy = false;
        }),
        new("page 5,000, deferred flush every 50,000 aggregates, bulk COPY", o =>
        {
            Each(o, a => { a.BatchSize = 5_000; a.MaximumHopperSize = 50_000; a.RebuildFlushThreshold = 50_000; });
            o.Projections.RebuildWithBulkCopy = true;
        }),
    ];

    private static void Each(StoreOptions options, Action<AsyncOptions> tune)
    {
        foreach (var projection in options.Projections.All.OfType<ProjectionBase>()) tune(projection.Options);
    }

    public static async Task<int> RunAsync(Settings settings, string[] args)
    {
        var events = args.SkipWhile(a => a != "--rebuild-tuning").Skip(1).Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault();
        if (events <= 0) events = 100_000;
        var db = new Database(settings.ConnectionString);
        var schema = "bench_" + Guid.NewGuid().ToString("N")[..10];
        var plainSchema = schema + "_plain";
        var report = new Report();
        Console.WriteLine($"Rebuild tuning, {events} events, schema {schema}, load average {Harness.LoadAverage()}");
        try
        {
            await using (var plain = Stores.Plain(settings.ConnectionString, plainSchema))
                await plain.BulkInsertEventsAsync(Workload.Clusters((Marten.Events.EventGraph)plain.Options.Events, events), 1000);
            await db.AnalyzeAsync(plainSchema);
            var (plainRead, plainRows, _) = await db.RawReadAsync(plainSchema);
            report.Add(new Row($"raw sequential read of mt_events, plain ({plainRows} rows)", Format.Rate(plainRead, "rows"), "", null, "", null));
            foreach (var variant in Variants)
                await TimeAsync(report, $"plain Marten floor (PlainTally), {variant.Name}", plainRows, plainRead,
                    Stores.Plain(settings.ConnectionString, plainSchema, variant.Tune), "PlainTally");

            await db.ExecuteAsync($"create schema \"{schema}\"");
            await using (var ours = Stores.Application(settings.ConnectionString, schema))
            {
                await ours.BulkInsertEventsAsync(Workload.Clusters((Marten.Events.EventGraph)ours.Options.Events, events), 1000);
                using var daemon = await ours.BuildProjectionDaemonAsync();
                foreach (var name in ours.Options.Projections.All.Select(p => p.Name)
                             .Where(n => new[] { "Understanding", "Commitment", "StreamLink" }.Any(i => n.EndsWith(i, StringComparison.Ordinal))))
                    await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(60), CancellationToken.None);
            }
            await db.AnalyzeAsync(schema);
            var (read, rows, _) = await db.RawReadAsync(schema);
            report.Add(new Row($"raw sequential read of mt_events, ours ({rows} rows)", Format.Rate(read, "rows"), "", null, "", null));
            foreach (var variant in Variants)
            foreach (var name in new[] { "UnderstandingStatus", "Timeline" })
                await TimeAsync(report, $"{name}, {variant.Name}", rows, read, Stores.Application(settings.ConnectionString, schema, variant.Tune), name);
        }
        finally
        {
            await db.DropSchemaAsync(schema);
            await db.DropSchemaAsync(plainSchema);
        }
        Console.WriteLine();
        Console.WriteLine($"load average at the end: {Harness.LoadAverage()}");
        Console.WriteLine(report.Markdown());
        return 0;
    }

    private static async Task TimeAsync(Report report, string figure, long rows, double rawRead, DocumentStore store, string projection)
    {
        await using (store)
        {
            using var daemon = await store.BuildProjectionDaemonAsync();
            // The first rebuild of a new store also generates and compiles its code (TypeLoadMode Dynamic here; the
            // application loads it pre-built): timed apart, then the same rebuild again.
            var cold = Stopwatch.StartNew();
            await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(60), CancellationToken.None);
            var coldSeconds = cold.Elapsed.TotalSeconds;
            var statements = await ResetStatementsAsync(store);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(60), CancellationToken.None);
            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            report.Add(new Row(figure, $"{Format.Rate(rows / seconds, "events")} ({seconds:0.0} s, {cpuSeconds:0.0} s CPU in this process; " +
                                       $"first rebuild of the store {Format.Rate(rows / coldSeconds, "events")})",
                Format.Rate(rawRead, "rows") + " raw read", rows / seconds / rawRead, ">= 50% of raw read", rows / seconds / rawRead >= 0.5));
            if (statements) report.Note($"{figure}: PostgreSQL's time by statement (pg_stat_statements): {await TopStatementsAsync(store, seconds)}");
        }
    }

    /// <summary>Resets pg_stat_statements where the cluster loads it (not the default): false where it does not.</summary>
    private static async Task<bool> ResetStatementsAsync(DocumentStore store)
    {
        await using var connection = (Npgsql.NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        try
        {
            await using var reset = new Npgsql.NpgsqlCommand("select pg_stat_statements_reset()", connection);
            await reset.ExecuteNonQueryAsync();
            return true;
        }
        catch (Npgsql.PostgresException)
        {
            return false;
        }
    }

    private static async Task<string> TopStatementsAsync(DocumentStore store, double wallSeconds)
    {
        await using var connection = (Npgsql.NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "select calls, total_exec_time, rows, regexp_replace(left(query, 110), '\\s+', ' ', 'g'), sum(total_exec_time) over () " +
            "from pg_stat_statements where query not like '%pg_stat_statements%' order by total_exec_time desc limit 6", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var parts = new List<string>();
        double total = 0;
        while (await reader.ReadAsync())
        {
            total = reader.GetDouble(4);
            parts.Add($"{reader.GetDouble(1) / 1000:0.00} s in {reader.GetInt64(0)} calls ({reader.GetInt64(2)} rows) of `{reader.GetString(3)}`");
        }
        return $"{total / 1000:0.0} s of statements in {wallSeconds:0.0} s of wall time; " + string.Join("; ", parts);
    }
}
