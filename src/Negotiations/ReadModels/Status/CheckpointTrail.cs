using JasperFx.Events;

namespace Negotiations.ReadModels.Status;

/// <summary>Grows a trail: folds the events after its last mark and cuts a mark every <see cref="CheckpointPlan.Gap"/> events. Pure.</summary>
public static class CheckpointTrail
{
    /// <summary>
    /// Folds <paramref name="events"/> (every event of the linked streams after the last mark, in sequence order)
    /// (with the streams its corrections and retractions fold again, see <see cref="TakenBackStreams"/>) into <paramref name="status"/> and yields each new mark with the status at it. The status is folded further
    /// after each yield, so keep (serialise) it before asking for the next mark. The trail is updated as it goes.
    /// </summary>
    public static IEnumerable<(CheckpointMark Mark, UnderstandingStatus Status)> Extend(StatusTrail trail, UnderstandingStatus status, IReadOnlyList<IEvent> events,
        IReadOnlyDictionary<Guid, IReadOnlyList<IEvent>> takenBack)
    {
        var last = trail.Marks.Count == 0 ? null : trail.Marks[^1];
        var maxOccurred = last?.MaxOccurred ?? DateOnly.MinValue;
        var maxRecorded = last?.MaxRecorded ?? DateTimeOffset.MinValue;
        var segment = new Dictionary<Guid, VersionRange>();
        var (minOccurred, minRecorded, count) = (DateOnly.MaxValue, DateTimeOffset.MaxValue, 0L);

        foreach (var e in events)
        {
            status.Include(e, takenBack.GetValueOrDefault(e.Id));
            var occurred = CheckpointPlan.OccurredFrom(e);
            if (e.Data is Negotiations.Kernel.IDevelopment && occurred > maxOccurred) maxOccurred = occurred;
            if (e.Timestamp > maxRecorded) maxRecorded = e.Timestamp;
            if (occurred < minOccurred) minOccurred = occurred;
            if (e.Timestamp < minRecorded) minRecorded = e.Timestamp;
            segment[e.StreamId] = segment.TryGetValue(e.StreamId, out var range)
                ? range with { Through = e.Version }
                : new VersionRange(e.StreamId, trail.Versions.GetValueOrDefault(e.StreamId), e.Version);
            count++;

            if (count < CheckpointPlan.Gap) continue;
            var mark = new CheckpointMark(trail.Marks.Count, e.Sequence, trail.Events + count, maxOccurred, maxRecorded,
                minOccurred, minRecorded, segment.Values.ToList());
            trail.Marks.Add(mark);
            foreach (var folded in segment.Values) trail.Versions[folded.StreamId] = folded.Through!.Value;
            yield return (mark, status);
            segment.Clear();
            (minOccurred, minRecorded, count) = (DateOnly.MaxValue, DateTimeOffset.MaxValue, 0L);
        }
    }
}
