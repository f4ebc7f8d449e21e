using Negotiations.Kernel;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Negotiations.Casualties;

/// <summary>Keeps the casualty claim's write model as a document, in the same transaction as its events.</summary>
public partial class CasualtyClaimProjection : SingleStreamProjection<CasualtyClaim, Guid>
{
    public CasualtyClaimProjection() => this.IncludeConceptOf<CasualtyClaim>();

    public override CasualtyClaim? Evolve(CasualtyClaim? snapshot, Guid id, IEvent e) => CasualtyClaim.Fold(snapshot, e);
}
