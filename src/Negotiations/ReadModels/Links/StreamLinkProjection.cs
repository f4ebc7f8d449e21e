using Negotiations.Kernel;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;

namespace Negotiations.ReadModels.Links;

/// <summary>
/// Inline, in the transaction that starts a stream: by the time an asynchronous projection sees any
/// event of the stream, its link is there to route it.
/// </summary>
public partial class StreamLinkProjection : SingleStreamProjection<StreamLink, Guid>
{
    public StreamLinkProjection() => this.IncludeLinkingEvents();

    public override StreamLink? Evolve(StreamLink? snapshot, Guid id, IEvent e) => StreamLink.Fold(snapshot, e);

    /// <summary>
    /// "Which streams concern this understanding" (the timeline of one understanding, its links, its status on a date)
    /// is a containment query on the document (data @> ...): without this index it reads every stream's link.
    /// Links change only on the few events that link understandings, so the index costs commands little.
    /// </summary>
    public static void ConfigureDocument(StoreOptions options) => options.Schema.For<StreamLink>().GinIndexJsonData();
}
