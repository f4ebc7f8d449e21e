using JasperFx.Events;
using Marten.Events.Aggregation;
using Negotiations.Hosting;

namespace Negotiations.Commitments;

/// <summary>Keeps the commitment's write model as a document, in the same transaction as its events.</summary>
public partial class CommitmentProjection : SingleStreamProjection<Commitment, Guid>
{
    public CommitmentProjection() => this.IncludeConceptOf<Commitment>();

    public override Commitment? Evolve(Commitment? snapshot, Guid id, IEvent e) => Commitment.Fold(snapshot, e);
}
