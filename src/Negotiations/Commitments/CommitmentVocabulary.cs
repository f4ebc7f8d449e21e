using Negotiations.Kernel;

namespace Negotiations.Commitments;

/// <summary>What a roadmap or agreement provision is about (after the Peace Accords Matrix provision types).</summary>
[Vocabulary("commitment-category", "The provision types of the Peace Accords Matrix (PAM)")]
public enum CommitmentCategory
{
    [Definition("Investigations, prosecutions or truth-seeking for violations against victims (PAM: transitional justice).")]
    JusticeForVictims,
    [Definition("Reparations or financial compensation for victims or for losses (PAM: reparations).")]
    Compensation,
    [Definition("Dialogue, reconciliation and the return of those displaced (PAM: reconciliation, refugees).")]
    Reconciliation,
    [Definition("The withdrawal of forces or weapons from an area (PAM: withdrawal of troops).")]
    Withdrawal,
    [Definition("Ceasefire terms, security forces, policing and guarantees (PAM: ceasefire, police reform, military reform).")]
    Security,
    [Definition("Administration, power sharing, elections and decentralisation (PAM: power sharing, decentralisation).")]
    Governance,
    [Definition("Aid, access, corridors and the protection of civilians.")]
    Humanitarian,
    [Definition("Any other provision.")]
    Other
}

/// <summary>The Peace Accords Matrix implementation scale. Commands send the number (0-3); models also show the word.</summary>
[Vocabulary("implementation-level", "The implementation scale of the Peace Accords Matrix (0-3)")]
public enum ImplementationLevel
{
    [Definition("0: nothing has been done to carry it out.")]
    NotInitiated = 0,
    [Definition("1: steps have begun, but little is in place.")]
    Minimal = 1,
    [Definition("2: it is partly carried out and under way.")]
    Intermediate = 2,
    [Definition("3: it is carried out in full, or nearly so.")]
    Full = 3
}

/// <summary>Whether the commitment still stands: a reversal takes it back until it is reaffirmed.</summary>
[Vocabulary("commitment-standing", "Whether a commitment still stands")]
public enum CommitmentStanding
{
    [Definition("The commitment stands.")]
    InForce,
    [Definition("A party took it back; it stands again once reaffirmed.")]
    Reversed
}

/// <summary>Something a party reports having done towards the commitment.</summary>
public sealed record ImplementationStep(string Party, string Description, Occurrence Occurred);

/// <summary>A judgement on the 0-3 scale, with the rationale and the events it rests on.</summary>
public sealed record ImplementationAssessment(int Level, string Rationale, IReadOnlyList<Guid> Evidence, Occurrence Occurred)
{
    public ImplementationLevel Meaning => (ImplementationLevel)Level;
}
