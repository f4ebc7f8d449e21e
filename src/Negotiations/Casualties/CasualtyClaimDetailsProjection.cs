using Negotiations.Kernel;

namespace Negotiations.Casualties;

/// <summary>Keeps what readers see of a casualty claim, in the same transaction as its events (a read answers at once after a command).</summary>
public class CasualtyClaimDetailsProjection : StreamModelProjection<CasualtyClaimDetails>
{
    public CasualtyClaimDetailsProjection() => this.IncludeConceptOf<CasualtyClaim>();
}
