using Negotiations.Kernel;

namespace Negotiations.Rounds;

/// <summary>Keeps the round's write model as a document, in the same transaction as its events.</summary>
public class RoundProjection : StreamModelProjection<Round>
{
    public RoundProjection() => this.IncludeConceptOf<Round>();
}
