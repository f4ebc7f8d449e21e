namespace Negotiations.Operations.Audit;

/// <summary>How the hash chain is kept, bound from the "Audit" configuration section (Audit__Key in the environment).</summary>
public sealed class AuditSettings
{
    public const string Section = "Audit";

    /// <summary>Keep the chain in the background as events are appended.</summary>
    public bool WriteChain { get; set; } = true;

    /// <summary>How often the chain writer looks for new events.</summary>
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>
    /// How long a missing sequence must stay missing (besides every transaction that was running when it was
    /// seen having ended) before the chain passes over it as a gap. Marten's daemon waits 3 s likewise.
    /// </summary>
    public int GapGraceMilliseconds { get; set; } = 3000;

    /// <summary>A checkpoint at least every so many chained events ...</summary>
    public int CheckpointEvery { get; set; } = 1000;

    /// <summary>... and, when new events were chained, at least every so many minutes.</summary>
    public int CheckpointMinutes { get; set; } = 60;

    public int BatchSize { get; set; } = 2000;

    /// <summary>
    /// The Ed25519 private key that signs checkpoints: its 32-byte seed in base64 (any 32 random bytes,
    /// <c>head -c 32 /dev/urandom | base64</c>). Without it checkpoints are kept but not signed.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The log's name in its signed checkpoints and the signing key's name (C2SP: a schema-less URL).</summary>
    public string Origin { get; set; } = "negotiations.localhost/event-log";
}
