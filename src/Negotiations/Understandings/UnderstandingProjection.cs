using Negotiations.Kernel;

namespace Negotiations.Understandings;

/// <summary>Keeps the understanding's write model as a document, in the same transaction as its events.</summary>
public class UnderstandingProjection : StreamModelProjection<Understanding>
{
    public UnderstandingProjection() => this.IncludeConceptOf<Understanding>();
}
