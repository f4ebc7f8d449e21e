using JasperFx.Events;
using Marten.Events.Aggregation;
using Negotiations.Hosting;

namespace Negotiations.Rounds;

/// <summary>Keeps the round's write model as a document, in the same transaction as its events.</summary>
public partial class RoundProjection : SingleStreamProjection<Round, Guid>
{
    public RoundProjection() => this.IncludeConceptOf<Round>();

    public override Round? Evolve(Round? snapshot, Guid id, IEvent e) => Round.Fold(snapshot, e);
}
