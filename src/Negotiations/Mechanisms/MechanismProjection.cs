using JasperFx.Events;
using Marten.Events.Aggregation;
using Negotiations.Hosting;

namespace Negotiations.Mechanisms;

/// <summary>Keeps the mechanism's write model as a document, in the same transaction as its events.</summary>
public partial class MechanismProjection : SingleStreamProjection<Mechanism, Guid>
{
    public MechanismProjection() => this.IncludeConceptOf<Mechanism>();

    public override Mechanism? Evolve(Mechanism? snapshot, Guid id, IEvent e) => Mechanism.Fold(snapshot, e);
}
