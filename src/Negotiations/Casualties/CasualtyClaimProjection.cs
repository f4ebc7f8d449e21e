using Negotiations.Kernel;

namespace Negotiations.Casualties;

/// <summary>Keeps the casualty claim's write model as a document, in the same transaction as its events.</summary>
public class CasualtyClaimProjection : StreamModelProjection<CasualtyClaim>
{
    public CasualtyClaimProjection() => this.IncludeConceptOf<CasualtyClaim>();
}
