namespace Negotiations.Reliability;

/// <summary>Sizes and durations of one run: the default (about 12 minutes here) or --quick (about 4).</summary>
public sealed record Options(
    bool Quick,
    int Crashes,
    int Monitors,
    TimeSpan Settle,
    TimeSpan LoadDuration,
    int CommandsPerSecond,
    int ReadsPerSecond,
    int LoadStreams,
    string[] Only,
    string? Out)
{
    public const string Usage = """
        Usage: Negotiations.Reliability [--quick] [--only crash,postgres,nodes,load] [--out FILE]
                                        [--crashes N] [--load-seconds N] [--rate N]

          --quick          5 kills instead of 20, 45 s of fixed-rate load instead of 180
          --only LIST      run only these scenarios (crash, postgres, nodes, load)
          --out FILE       also write the summary as Markdown (the figures of
                           tests/Negotiations.Reliability/README.md)
          --crashes N      how many times the application is killed in the crash scenario
          --load-seconds N how long the fixed-rate load runs
          --rate N         commands per second of the fixed-rate load (reads are a fifth of that on top)

        Everything runs against a throwaway PostgreSQL cluster of its own (Debian's binaries, a free port,
        data under /var/tmp/negotiations-reliability-*), removed at the end, also on failure or Ctrl-C.
        """;

    public static Options From(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var quick = args.Contains("--quick");
        var rate = int.TryParse(Value("--rate"), out var r) ? r : 100;
        return new Options(
            quick,
            Crashes: int.TryParse(Value("--crashes"), out var c) ? c : quick ? 5 : 20,
            Monitors: 8,
            Settle: TimeSpan.FromSeconds(quick ? 4 : 8),
            LoadDuration: TimeSpan.FromSeconds(int.TryParse(Value("--load-seconds"), out var s) ? s : quick ? 45 : 180),
            CommandsPerSecond: rate,
            ReadsPerSecond: Math.Max(1, rate / 5),
            LoadStreams: 200,
            Only: Value("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? ["crash", "postgres", "nodes", "load"],
            Out: Value("--out"));
    }
}
