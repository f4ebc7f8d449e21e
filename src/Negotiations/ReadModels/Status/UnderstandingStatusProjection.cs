using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events.Projections;
using Negotiations.ReadModels.Links;

namespace Negotiations.ReadModels.Status;

/// <summary>
/// Asynchronous: one status folds many streams, so inline it would make every command of every linked
/// stream also rewrite the status document in its transaction (and contend on it). The daemon folds
/// batches instead; every read says how far it has got (Freshness).
/// Events are routed by the inline StreamLink of their stream: to the understanding itself and to every
/// understanding the stream concerns.
/// </summary>
public class UnderstandingStatusProjection : MultiStreamProjection<UnderstandingStatus, Guid>
{
    public const string ProjectionName = "UnderstandingStatus";

    public UnderstandingStatusProjection()
    {
        Name = ProjectionName;
        CustomGrouping(async (session, events, grouping) =>
        {
            var streams = events.Select(e => e.StreamId).Distinct().ToArray();
            var links = (await session.LoadManyAsync<StreamLink>(streams)).ToDictionary(l => l.Id);
            foreach (var e in events)
            {
                if (!links.TryGetValue(e.StreamId, out var link)) continue;
                foreach (var understanding in link.UnderstandingIds) grouping.AddEvent(understanding, e);
            }
        });
    }

    /// <summary>Folds the batch's events in order; a correction or retraction reads its stream up to it first (see TakenBackStreams).</summary>
    public override async ValueTask<(UnderstandingStatus?, ActionType)> DetermineActionAsync(IQuerySession session, UnderstandingStatus? snapshot, Guid identity,
        IIdentitySetter<UnderstandingStatus, Guid> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var status = snapshot ?? new UnderstandingStatus { Id = identity };
        var streams = await TakenBackStreams.ReadAsync(session, events, _ => true, cancellation);
        foreach (var e in events) status.Include(e, streams.GetValueOrDefault(e.Id));
        return (status, ActionType.Store);
    }
}
