using System.Collections.Concurrent;
using System.Diagnostics;

namespace Negotiations.Reliability;

/// <summary>A command the application acknowledged (2xx): the stream and version its event must have in the store.</summary>
public sealed record Ack(Guid Stream, long Version, string Command);

/// <summary>One answer (or failure to answer) as the clients saw it, on the run's clock; Status 0 when no HTTP answer came.</summary>
public sealed record Answer(double Sent, double Received, int Status);

/// <summary>Everything the clients of one scenario were told: what was acknowledged, and every answer in time.</summary>
public sealed class Ledger
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentBag<Ack> acks = [];
    private readonly ConcurrentQueue<Answer> answers = new();
    private long retries, conflicts, rejected;

    public double Now => clock.Elapsed.TotalSeconds;

    public IReadOnlyCollection<Ack> Acks => acks;
    public IReadOnlyCollection<Answer> Answers => answers;
    public long Retries => Interlocked.Read(ref retries);
    public long Conflicts => Interlocked.Read(ref conflicts);

    /// <summary>400/404/422: a command the domain refused; the workload never sends one, so any is a finding.</summary>
    public long Rejected => Interlocked.Read(ref rejected);

    public void Acknowledged(Ack ack) => acks.Add(ack);
    public void Answered(double sent, int status) => answers.Enqueue(new Answer(sent, Now, status));
    public void Retried() => Interlocked.Increment(ref retries);
    public void Conflict() => Interlocked.Increment(ref conflicts);
    private long stillProcessing;

    /// <summary>409 "still being processed": the key's claim is held by an attempt that never finished; the client retries later.</summary>
    public long StillProcessingAnswers => Interlocked.Read(ref stillProcessing);

    public void StillProcessing() => Interlocked.Increment(ref stillProcessing);

    private long abandoned;

    /// <summary>Commands whose key stayed "still being processed" for 5 s: the client gave the key up and read the version back.</summary>
    public long KeysAbandoned => Interlocked.Read(ref abandoned);

    public void KeyAbandoned() => Interlocked.Increment(ref abandoned);

    public void Refused() => Interlocked.Increment(ref rejected);

    public static bool Success(int status) => status is >= 200 and < 300;
}
