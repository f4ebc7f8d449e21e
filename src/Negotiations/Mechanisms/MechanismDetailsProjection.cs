using Negotiations.Kernel;

namespace Negotiations.Mechanisms;

/// <summary>Keeps what readers see of a mechanism, in the same transaction as its events (a read answers at once after a command).</summary>
public class MechanismDetailsProjection : StreamModelProjection<MechanismDetails>
{
    public MechanismDetailsProjection() => this.IncludeConceptOf<Mechanism>();
}
