namespace Negotiations.Benchmarks;

/// <summary>Sizes and durations of one run. Quick is a small fraction of full, to run often (under 2 minutes).</summary>
public sealed record Settings(
    bool Quick,
    string ConnectionString,
    int CopyRows,
    int PlainBulkEvents,
    TimeSpan CommandDuration,
    int[] Concurrency,
    int ImportLines,
    int SeedEvents,
    TimeSpan ReadDuration,
    int WritersDuringReads,
    int[] TimeTravelSizes,
    int TimeTravelRequests,
    int StartupRuns,
    bool Dynamic,
    string? Only = null,
    int SpatialIncidents = 20_000)
{
    public static Settings From(string[] args)
    {
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(Negotiations.Operations.Settings.DatabaseLocation.FromEnvironment())
        {
            ApplicationName = CpuUse.ApplicationName // the harness's and the application's connections, told apart from others on the cluster
        }.ConnectionString;
        var dynamic = !args.Contains("--no-dynamic");
        var settings = Sized(args, connection, dynamic);
        // The baselines, then one phase alone (--only import, --only chain, --only places): for working on it.
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        if (only is not (null or "import" or "chain" or "places")) throw new ArgumentException($"--only takes import, chain or places, not {only}.");
        return settings with { Only = only };
    }

    private static Settings Sized(string[] args, string connection, bool dynamic)
    {
        var quick = !args.Contains("--full");
        if (args.Contains("--tiny")) // for working on the harness itself: every phase, tiny sizes
            return new(true, connection, CopyRows: 5_000, PlainBulkEvents: 2_000, CommandDuration: TimeSpan.FromSeconds(1),
                Concurrency: [1, 4], ImportLines: 50, SeedEvents: 3_000, ReadDuration: TimeSpan.FromSeconds(1),
                WritersDuringReads: 2, TimeTravelSizes: [50, 200], TimeTravelRequests: 5, StartupRuns: 1, Dynamic: dynamic, SpatialIncidents: 500);
        return quick
            ? new(true, connection, CopyRows: 50_000, PlainBulkEvents: 10_000, CommandDuration: TimeSpan.FromSeconds(1.4),
                Concurrency: [1, 4, 16, 64], ImportLines: 5_000, SeedEvents: 15_000, ReadDuration: TimeSpan.FromSeconds(3),
                WritersDuringReads: 4, TimeTravelSizes: [10_000, 100_000], TimeTravelRequests: 30, StartupRuns: 1, Dynamic: dynamic)
            : new(false, connection, CopyRows: 1_000_000, PlainBulkEvents: 200_000, CommandDuration: TimeSpan.FromSeconds(10),
                Concurrency: [1, 4, 16, 64], ImportLines: 50_000, SeedEvents: 1_000_000, ReadDuration: TimeSpan.FromSeconds(20),
                WritersDuringReads: 4, TimeTravelSizes: [1_000, 10_000, 100_000], TimeTravelRequests: 30, StartupRuns: 3, Dynamic: dynamic, SpatialIncidents: 200_000);
    }
}
