using JasperFx.Events;
using Negotiations.Sources;

namespace Negotiations.Status;

/// <summary>
/// Which checkpoint a request on either time axis starts from and which events it still has to read. Pure.
/// A mark serves the request when every event folded up to it counts on both axes; after it, a segment is read
/// only when some of its events may count (the events after the last mark are always read, by the caller). Skipped events would
/// all have been left out by the request's dates anyway, so the result is the fold of every event.
/// </summary>
public sealed record CheckpointPlan(CheckpointMark? Start, IReadOnlyList<VersionRange> Reads)
{
    public static CheckpointPlan For(StatusTrail trail, DateOnly? asOf, DateTimeOffset? knownAt)
    {
        var start = -1;
        for (var i = 0; i < trail.Marks.Count; i++)
            if (Counts(trail.Marks[i].MaxOccurred, trail.Marks[i].MaxRecorded, asOf, knownAt)) start = i;
            else break; // marks are cumulative: once a later date is in, it stays in

        var reads = new List<VersionRange>();
        for (var i = start + 1; i < trail.Marks.Count; i++)
        {
            var segment = trail.Marks[i];
            if (Counts(segment.SegmentMinOccurred, segment.SegmentMinRecorded, asOf, knownAt)) reads.AddRange(segment.Segment);
        }
        return new CheckpointPlan(start < 0 ? null : trail.Marks[start], reads);
    }

    private static bool Counts(DateOnly occurred, DateTimeOffset recorded, DateOnly? asOf, DateTimeOffset? knownAt) =>
        (asOf is null || occurred <= asOf) && (knownAt is null || recorded <= knownAt);

    /// <summary>The day from which an event counts on the occurred axis: a development's first possible day; any other event always counts.</summary>
    public static DateOnly OccurredFrom(IEvent e) => e.Data is IDevelopment d ? d.Provenance.Occurred.From : DateOnly.MinValue;

    /// <summary>
    /// How many events after the last mark make the next one: the trail grows by a sixteenth of the history at
    /// least, so a long history keeps a few dozen checkpoints, not thousands of ever larger ones.
    /// </summary>
    public static long Gap(long eventsSoFar) => Math.Max(MinimumGap, eventsSoFar / 16);

    public const long MinimumGap = 200;
}
