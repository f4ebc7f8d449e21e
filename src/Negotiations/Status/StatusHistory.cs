using JasperFx.Events;
using Marten;
using Negotiations.Links;
using Negotiations.Sources;

namespace Negotiations.Status;

/// <summary>
/// The status of an understanding on either time axis, folded from the events themselves with the same
/// Apply as the live projection: only developments that occurred by <c>asOf</c> (counted from the first
/// day they may have happened) and only events recorded by <c>knownAt</c>.
/// </summary>
public static class StatusHistory
{
    public static async Task<UnderstandingStatus?> FoldAsync(IQuerySession session, Guid understandingId, DateOnly? asOf, DateTimeOffset? knownAt, CancellationToken cancellation) =>
        await EventsAsync(session, understandingId, knownAt, cancellation) is { } events ? Fold(understandingId, events, asOf) : null;

    /// <summary>Every event of the streams that concern the understanding, recorded by <c>knownAt</c>, in order; null when none concerns it.</summary>
    public static async Task<IReadOnlyList<IEvent>?> EventsAsync(IQuerySession session, Guid understandingId, DateTimeOffset? knownAt, CancellationToken cancellation)
    {
        var streams = await session.Query<StreamLink>()
            .Where(l => l.UnderstandingIds.Contains(understandingId))
            .Select(l => l.Id)
            .ToListAsync(cancellation);
        if (streams.Count == 0) return null;

        var query = session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(streams.ToArray()));
        if (knownAt is { } known) query = query.Where(e => e.Timestamp <= known);
        return await query.OrderBy(e => e.Sequence).ToListAsync(cancellation);
    }

    /// <summary>Pure: the status folded from the events (in sequence order), counting developments that occurred by <c>asOf</c>.</summary>
    public static UnderstandingStatus Fold(Guid understandingId, IEnumerable<IEvent> events, DateOnly? asOf)
    {
        var status = new UnderstandingStatus { Id = understandingId };
        foreach (var e in events)
            if (asOf is null || e.Data is not IDevelopment development || development.Provenance.Occurred.From <= asOf)
                status.Include(e);
        return status;
    }
}
