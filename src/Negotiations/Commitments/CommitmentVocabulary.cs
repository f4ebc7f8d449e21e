using Negotiations.Kernel;

namespace Negotiations.Commitments;

/// <summary>What a roadmap or agreement provision is about (after the Peace Accords Matrix provision types).</summary>
public enum CommitmentCategory
{
    JusticeForVictims,
    Compensation,
    Reconciliation,
    Withdrawal,
    Security,
    Governance,
    Humanitarian,
    Other
}

/// <summary>The Peace Accords Matrix implementation scale. Commands send the number (0-3); models also show the word.</summary>
public enum ImplementationLevel
{
    NotInitiated = 0,
    Minimal = 1,
    Intermediate = 2,
    Full = 3
}

/// <summary>Whether the commitment still stands: a reversal takes it back until it is reaffirmed.</summary>
public enum CommitmentStanding { InForce, Reversed }

/// <summary>Something a party reports having done towards the commitment.</summary>
public sealed record ImplementationStep(string Party, string Description, Occurrence Occurred);

/// <summary>A judgement on the 0-3 scale, with the rationale and the events it rests on.</summary>
public sealed record ImplementationAssessment(int Level, string Rationale, IReadOnlyList<Guid> Evidence, Occurrence Occurred)
{
    public ImplementationLevel Meaning => (ImplementationLevel)Level;
}
