using Negotiations.Kernel;

namespace Negotiations.Understandings;

/// <summary>Keeps what readers see of an understanding, in the same transaction as its events (a read answers at once after a command).</summary>
public class UnderstandingDetailsProjection : StreamModelProjection<UnderstandingDetails>
{
    public UnderstandingDetailsProjection() => this.IncludeConceptOf<Understanding>();
}
