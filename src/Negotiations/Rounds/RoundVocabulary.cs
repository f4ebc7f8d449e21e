using Negotiations.Kernel;

namespace Negotiations.Rounds;

[Vocabulary("round-status", "Negotiation rounds as reported")]
public enum RoundStatus
{
    [Definition("Announced for a date or period.")]
    Scheduled,
    [Definition("The delegations met.")]
    Held,
    [Definition("Moved to a later date.")]
    Postponed,
    [Definition("Called off.")]
    Cancelled
}

/// <summary>What a held round produced: a summary, the points agreed, and when it was held.</summary>
public sealed record RoundOutcome(string Summary, IReadOnlyList<string> Agreed, Occurrence HeldOn);
