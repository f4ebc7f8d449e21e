using Negotiations.Kernel;

namespace Negotiations.Mechanisms;

/// <summary>Keeps the mechanism's write model as a document, in the same transaction as its events.</summary>
public class MechanismProjection : StreamModelProjection<Mechanism>
{
    public MechanismProjection() => this.IncludeConceptOf<Mechanism>();
}
