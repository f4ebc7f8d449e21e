using JasperFx.Events;
using Marten.Events.Aggregation;
using Negotiations.Hosting;

namespace Negotiations.Understandings;

/// <summary>Keeps the understanding's write model as a document, in the same transaction as its events.</summary>
public partial class UnderstandingProjection : SingleStreamProjection<Understanding, Guid>
{
    public UnderstandingProjection() => this.IncludeConceptOf<Understanding>();

    public override Understanding? Evolve(Understanding? snapshot, Guid id, IEvent e) => Understanding.Fold(snapshot, e);
}
