using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Negotiations.Mechanisms;

/// <summary>Keeps the mechanism's write model as a document, in the same transaction as its events.</summary>
public partial class MechanismProjection : SingleStreamProjection<Mechanism, Guid>
{
    public override Mechanism? Evolve(Mechanism? snapshot, Guid id, IEvent e) => Mechanism.Fold(snapshot, e);
}
