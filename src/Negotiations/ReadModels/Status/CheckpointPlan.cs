using JasperFx.Events;
using Negotiations.Kernel;

namespace Negotiations.ReadModels.Status;

/// <summary>
/// Which checkpoint a request on either time axis starts from and which events it still has to read. Pure.
/// A mark serves the request when every event folded up to it counts on both axes; after it, a segment is read
/// only when some of its events may count (the events after the last mark are always read, by the caller). Skipped events would
/// all have been left out by the request's dates anyway, so the result is the fold of every event.
/// </summary>
public sealed record CheckpointPlan(CheckpointMark? Start, IReadOnlyList<VersionRange> Reads)
{
    /// <param name="through">The last sequence that counts (a release's cut of the recording axis), or null.</param>
    public static CheckpointPlan For(StatusTrail trail, DateOnly? asOf, DateTimeOffset? knownAt, long? through = null)
    {
        var start = -1;
        for (var i = 0; i < trail.Marks.Count; i++)
            if (Counts(trail.Marks[i].MaxOccurred, trail.Marks[i].MaxRecorded, trail.Marks[i].Sequence, asOf, knownAt, through)) start = i;
            else break; // marks are cumulative: once a later date is in, it stays in

        var reads = new List<VersionRange>();
        for (var i = start + 1; i < trail.Marks.Count; i++)
        {
            var segment = trail.Marks[i];
            // A segment's first event comes after the mark before it.
            var first = i == 0 ? 0 : trail.Marks[i - 1].Sequence + 1;
            if (Counts(segment.SegmentMinOccurred, segment.SegmentMinRecorded, first, asOf, knownAt, through)) reads.AddRange(segment.Segment);
        }
        return new CheckpointPlan(start < 0 ? null : trail.Marks[start], reads);
    }

    private static bool Counts(DateOnly occurred, DateTimeOffset recorded, long sequence, DateOnly? asOf, DateTimeOffset? knownAt, long? through) =>
        (asOf is null || occurred <= asOf) && (knownAt is null || recorded <= knownAt) && (through is null || sequence <= through);

    /// <summary>The day from which an event counts on the occurred axis: a development's first possible day; any other event always counts.</summary>
    public static DateOnly OccurredFrom(IEvent e) => e.Data is IDevelopment d ? d.Provenance.Occurred.From : DateOnly.MinValue;

    /// <summary>
    /// How many events after the last mark make the next one: a fixed number, so that a request reads and folds at most
    /// about two gaps of events (the segment its date falls in and the events after the last mark) however long the
    /// history is. The status a checkpoint keeps is small (each stream's model keeps its latest items, not its history), so a long
    /// history keeps many small checkpoints; its trail (one mark per gap) is what grows, by about 100 bytes a mark.
    /// </summary>
    public const long Gap = 250;
}
