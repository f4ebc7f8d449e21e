using System.Diagnostics;

namespace Negotiations.Benchmarks;

public enum Outcome { Ok, Conflict, Failed }

/// <summary>One client of a closed-loop load: it sends its next request as soon as the previous one is answered.</summary>
public interface IClient
{
    Task<Outcome> StepAsync(CancellationToken cancellation);
}

public sealed record LoadResult(int Clients, long Ok, long Conflicts, long Failed, TimeSpan Elapsed, Latencies Latencies, string? FirstFailure)
{
    public double PerSecond => Ok / Elapsed.TotalSeconds;

    /// <summary>Two runs of the same load as one.</summary>
    public LoadResult Merge(LoadResult other)
    {
        var latencies = new Latencies();
        latencies.AddRange(Latencies.Values);
        latencies.AddRange(other.Latencies.Values);
        return new(Clients, Ok + other.Ok, Conflicts + other.Conflicts, Failed + other.Failed, Elapsed + other.Elapsed, latencies, FirstFailure ?? other.FirstFailure);
    }
}

public static class Load
{
    /// <summary>Creates the clients (not timed), then runs them all for the duration.</summary>
    public static async Task<LoadResult> RunAsync(int clients, TimeSpan duration, Func<int, Task<IClient>> create, CancellationToken cancellation = default)
    {
        var all = new IClient[clients];
        for (var i = 0; i < clients; i++) all[i] = await create(i);

        var latencies = new Latencies();
        long ok = 0, conflicts = 0, failed = 0;
        string? firstFailure = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var clock = Stopwatch.StartNew();
        stop.CancelAfter(duration);
        var tasks = all.Select(client => Task.Run(async () =>
        {
            var mine = new List<double>(1024);
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                Outcome outcome;
                try
                {
                    outcome = await client.StepAsync(CancellationToken.None);
                }
                catch (Exception e)
                {
                    outcome = Outcome.Failed;
                    Interlocked.CompareExchange(ref firstFailure, e.GetType().Name + ": " + e.Message, null);
                }
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                switch (outcome)
                {
                    case Outcome.Ok: Interlocked.Increment(ref ok); mine.Add(ms); break;
                    case Outcome.Conflict: Interlocked.Increment(ref conflicts); break;
                    default: Interlocked.Increment(ref failed); break;
                }
            }
            latencies.AddRange(mine);
        })).ToArray();
        await Task.WhenAll(tasks);
        return new LoadResult(clients, ok, conflicts, failed, clock.Elapsed, latencies, firstFailure);
    }
}
