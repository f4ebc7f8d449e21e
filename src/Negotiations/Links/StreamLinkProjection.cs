using JasperFx.Events;
using Marten.Events.Aggregation;
using Negotiations.Hosting;

namespace Negotiations.Links;

/// <summary>
/// Inline, in the transaction that starts a stream: by the time an asynchronous projection sees any
/// event of the stream, its link is there to route it.
/// </summary>
public partial class StreamLinkProjection : SingleStreamProjection<StreamLink, Guid>
{
    public StreamLinkProjection() => this.IncludeLinkingEvents();

    public override StreamLink? Evolve(StreamLink? snapshot, Guid id, IEvent e) => StreamLink.Fold(snapshot, e);
}
