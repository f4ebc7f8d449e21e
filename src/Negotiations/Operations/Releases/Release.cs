namespace Negotiations.Operations.Releases;

/// <summary>One file of a release's export: its rows (events or CSV rows; none for the checkpoint), its size and SHA-256 (hex).</summary>
public sealed record ReleaseFile(string Name, long? Rows, long Bytes, string Sha256);

/// <summary>
/// The record as released: the first <see cref="TreeSize"/> events of the log (through <see cref="Sequence"/>), the
/// signed checkpoint of that tree, the codebook the record was coded with, the auditor's notes, and the files of its
/// export with their hashes. Frozen once; its manifest is this record as JSON, and any later export of the release
/// must reproduce every file to the byte.
/// </summary>
public sealed record Release(
    string Name,
    long TreeSize,
    long Sequence,
    string RootHash,
    string Codebook,
    string? Notes,
    DateTimeOffset Frozen,
    string? FrozenBy,
    string Checkpoint,
    IReadOnlyList<ReleaseFile> Files)
{
    /// <summary>The day the statuses of the release are counted on (overdue commitments, next rounds): the day it was frozen, UTC.</summary>
    public DateOnly Day => DateOnly.FromDateTime(Frozen.UtcDateTime);
}

/// <summary>A release in a list: what cites it, without its files.</summary>
public sealed record ReleaseSummary(string Name, long TreeSize, long Sequence, string RootHash, string Codebook, DateTimeOffset Frozen, string? FrozenBy)
{
    /// <summary>The day its statuses are counted on, as <see cref="Release.Day"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateOnly Day => DateOnly.FromDateTime(Frozen.UtcDateTime);
}
