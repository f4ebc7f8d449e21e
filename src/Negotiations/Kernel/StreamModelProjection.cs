using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events.Aggregation;

namespace Negotiations.Kernel;

/// <summary>
/// Keeps a model of one stream (a write model, or a read model of one stream) as a document, in the same transaction as its events. Ordinary events fold in one by one;
/// a correction or retraction folds the stream again as it stands (<see cref="AsItStands"/>), reading the events
/// before it: rare, and the only time a command's cost depends on how long the stream is. The folds stay pure;
/// only this step reads.
/// </summary>
public abstract class StreamModelProjection<T> : SingleStreamProjection<T, Guid> where T : class, IStreamModel<T>
{
    public override async ValueTask<(T?, ActionType)> DetermineActionAsync(IQuerySession session, T? snapshot, Guid identity,
        IIdentitySetter<T, Guid> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        // Events the model already holds: a rebuild may have folded a correction's replacement with the correction.
        var fresh = snapshot is null ? events : events.Where(e => e.Version == 0 || e.Version > snapshot.Version).ToList();
        if (fresh.Count == 0) return (snapshot, ActionType.Nothing);

        var next = fresh.Any(AsItStands.TakesBack)
            ? AsItStands.Fold<T>(await StreamAsync(session, identity, fresh, cancellation))
            : fresh.Aggregate(snapshot, T.Fold);
        return next is not null ? (next, ActionType.Store) : (snapshot, snapshot is null ? ActionType.Nothing : ActionType.Delete);
    }

    /// <summary>The whole stream up to these events and with them (and, when they end on a correction, its replacement).</summary>
    private static async Task<IReadOnlyList<IEvent>> StreamAsync(IQuerySession session, Guid id, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var first = events[0].Version;
        var before = first > 1 ? await session.Events.FetchStreamAsync(id, first - 1, token: cancellation) : [];
        List<IEvent> stream = [.. before.Where(e => e.Version < first), .. events];
        if (stream[^1].Data is DevelopmentCorrected)
        {
            // Only while rebuilding can a batch end between a correction and its replacement, which is then committed.
            var last = stream[^1].Version;
            stream.AddRange((await session.Events.FetchStreamAsync(id, last + 1, token: cancellation)).Where(e => e.Version == last + 1));
        }
        return stream;
    }
}
