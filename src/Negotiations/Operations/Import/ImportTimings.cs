using System.Diagnostics;

namespace Negotiations.Operations.Import;

/// <summary>Where an import's time went, logged when it ends: what to look at when an import is slow.</summary>
internal sealed class ImportTimings
{
    private readonly Stopwatch _total = Stopwatch.StartNew();
    public int Batched, LineByLine, Commits, FailedCommits;
    public TimeSpan Parse, Fetch, Decide, Commit, Endpoints;

    public static async Task<T> Time<T>(Func<Task<T>> work, Action<TimeSpan> add)
    {
        var clock = Stopwatch.StartNew();
        try { return await work(); }
        finally { add(clock.Elapsed); }
    }

    public void Log(ILogger logger, int lines) => logger.LogInformation(
        "Import of {Lines} lines in {Total:0} ms: {Batched} decided in memory in {Commits} commits ({Failed} failed and ran again line by line), "
        + "{LineByLine} through their endpoints; parse {Parse:0} ms, fetch {Fetch:0} ms, decide {Decide:0} ms, commit {Commit:0} ms, endpoints {Endpoints:0} ms",
        lines, _total.Elapsed.TotalMilliseconds, Batched, Commits, FailedCommits, LineByLine,
        Parse.TotalMilliseconds, Fetch.TotalMilliseconds, Decide.TotalMilliseconds, Commit.TotalMilliseconds, Endpoints.TotalMilliseconds);
}
