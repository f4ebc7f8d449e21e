namespace Negotiations.Operations.Health;

/// <summary>
/// Where one asynchronous projection stands: the last event sequence it has applied, the daemon's
/// high-water mark (every sequence up to it is committed or proven never to commit), the lag between
/// them, whether its agent runs, and how many of its events were dead-lettered.
/// </summary>
public sealed record ProjectionHealth(
    string Projection,
    string State,
    long Position,
    long HighWaterMark,
    long Lag,
    long DeadLetters,
    string? Failure)
{
    public const string Running = "running";
    public const string Stopped = "stopped";
    /// <summary>No agent of this projection runs in this process: another node holds it, or the daemon has not started it yet.</summary>
    public const string NotHere = "not-on-this-node";
}
