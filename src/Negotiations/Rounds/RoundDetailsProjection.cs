using Negotiations.Kernel;

namespace Negotiations.Rounds;

/// <summary>Keeps what readers see of a round, in the same transaction as its events (a read answers at once after a command).</summary>
public class RoundDetailsProjection : StreamModelProjection<RoundDetails>
{
    public RoundDetailsProjection() => this.IncludeConceptOf<Round>();
}
