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
    public static async Task<UnderstandingStatus?> FoldAsync(IQuerySession session, Guid understandingId, DateOnly? asOf, DateTimeOffset? knownAt, CancellationToken cancellation)
    {
        var streams = await session.Query<StreamLink>()
            .Where(l => l.UnderstandingIds.Contains(understandingId))
            .Select(l => l.Id)
            .ToListAsync(cancellation);
        if (streams.Count == 0) return null;

        var query = session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(streams.ToArray()));
        if (knownAt is { } known) query = query.Where(e => e.Timestamp <= known);
        var events = await query.OrderBy(e => e.Sequence).ToListAsync(cancellation);

        var status = new UnderstandingStatus { Id = understandingId };
        foreach (var e in events)
            if (asOf is null || e.Data is not IDevelopment development || development.Provenance.Occurred.From <= asOf)
                status.Include(e);
        return status;
    }
}
