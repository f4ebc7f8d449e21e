using Negotiations.Kernel;

namespace Negotiations.Commitments;

/// <summary>Keeps what readers see of a commitment, in the same transaction as its events (a read answers at once after a command).</summary>
public class CommitmentDetailsProjection : StreamModelProjection<CommitmentDetails>
{
    public CommitmentDetailsProjection() => this.IncludeConceptOf<Commitment>();
}
