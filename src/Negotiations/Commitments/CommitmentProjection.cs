using Negotiations.Kernel;

namespace Negotiations.Commitments;

/// <summary>Keeps the commitment's write model as a document, in the same transaction as its events.</summary>
public class CommitmentProjection : StreamModelProjection<Commitment>
{
    public CommitmentProjection() => this.IncludeConceptOf<Commitment>();
}
