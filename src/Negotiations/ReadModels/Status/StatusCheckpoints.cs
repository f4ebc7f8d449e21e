using Marten;

namespace Negotiations.ReadModels.Status;

/// <summary>Events of one stream after version <c>After</c>, up to <c>Through</c> (open when null).</summary>
public sealed record VersionRange(Guid StreamId, long After, long? Through);

/// <summary>
/// A point in the history of an understanding where its whole status is kept (in a <see cref="StatusCheckpoint"/>),
/// with what a time-travel request needs to know without reading it: the latest day any development folded so far
/// occurred on and the latest moment any event was recorded (a checkpoint serves a request only when nothing in it is
/// later than the request's dates), and for the segment since the previous mark, its events by stream and their
/// earliest dates (a segment whose every event is later than the request's dates is not even read).
/// </summary>
public sealed record CheckpointMark(
    int Ordinal,
    long Sequence,
    long Events,
    DateOnly MaxOccurred,
    DateTimeOffset MaxRecorded,
    DateOnly SegmentMinOccurred,
    DateTimeOffset SegmentMinRecorded,
    IReadOnlyList<VersionRange> Segment);

/// <summary>
/// The marks of one understanding, in order, and how far each linked stream had been folded at the last one.
/// A cache derived from the events: valid only for the build that wrote it (the fold's code may have changed),
/// dropped and written again whenever it no longer matches the events.
/// </summary>
public sealed class StatusTrail
{
    public Guid Id { get; set; }
    public string Build { get; set; } = "";
    public List<CheckpointMark> Marks { get; set; } = [];
    public Dictionary<Guid, long> Versions { get; set; } = new();

    public long Sequence => Marks.Count == 0 ? 0 : Marks[^1].Sequence;
    public long Events => Marks.Count == 0 ? 0 : Marks[^1].Events;
}

/// <summary>The status of an understanding exactly as the fold of every event of its streams up to a mark left it.</summary>
public sealed class StatusCheckpoint
{
    public string Id { get; set; } = "";
    public Guid UnderstandingId { get; set; }
    public string Build { get; set; } = "";
    public int Ordinal { get; set; }
    public UnderstandingStatus Status { get; set; } = new();

    public static string IdOf(Guid understandingId, int ordinal) => $"{understandingId:N}:{ordinal}";

    public static void ConfigureDocuments(StoreOptions options)
    {
        options.Schema.For<StatusTrail>();
        options.Schema.For<StatusCheckpoint>();
    }
}
