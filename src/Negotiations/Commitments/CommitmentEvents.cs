using Negotiations.Kernel;

namespace Negotiations.Commitments;

public sealed record CommitmentMade(
    Guid CommitmentId,
    Guid UnderstandingId,
    string Text,
    CommitmentCategory Category,
    string ResponsibleParty,
    IReadOnlyList<string> Backers,
    DateOnly? Deadline,
    Provenance Provenance,
    string? CategoryLabel = null) : IDevelopment, ILinksUnderstandings
{
    IReadOnlyList<Guid> ILinksUnderstandings.UnderstandingIds => [UnderstandingId];
}

/// <summary>The deadline moved, or was lifted (no deadline).</summary>
public sealed record CommitmentDeadlineChanged(Guid CommitmentId, DateOnly? Deadline, string? Reason, Provenance Provenance) : IFieldRules
{
    public static Problems Rules(Problems problems, string? reason) => problems.Text("reason", reason, required: false);

    public Problems CheckFields(Problems problems) => Rules(problems, Reason);
}

public sealed record ImplementationStepReported(Guid CommitmentId, string Party, string Description, Provenance Provenance) : IFieldRules
{
    public static Problems Rules(Problems problems, string? party, string? description) =>
        problems.Text("party", party).Text("description", description, max: CommitmentRules.MaxLongText);

    public Problems CheckFields(Problems problems) => Rules(problems, Party, Description);
}

/// <summary>
/// Implementation judged on the 0-3 scale; Evidence names the events (of any stream) the rationale rests on.
/// That they exist is checked against the store when the assessment is logged or corrected (CitedEvents).
/// </summary>
public sealed record ImplementationAssessed(Guid CommitmentId, int Level, string Rationale, IReadOnlyList<Guid> Evidence, Provenance Provenance)
    : IFieldRules, ICitesEvents
{
    public static Problems Rules(Problems problems, int level, string? rationale, IReadOnlyList<Guid>? evidence)
    {
        problems.When(level is < 0 or > 3, "level", "Implementation is assessed 0 (not initiated), 1 (minimal), 2 (intermediate) or 3 (full).")
            .Text("rationale", rationale, max: CommitmentRules.MaxLongText);
        if (evidence is null || evidence.Count == 0) problems.Add("evidence", "Cite at least one event the assessment rests on.");
        else problems.Ids("evidence", evidence, "event");
        return problems;
    }

    public Problems CheckFields(Problems problems) => Rules(problems, Level, Rationale, Evidence);

    IReadOnlyList<Guid> ICitesEvents.CitedEventIds => Evidence;
}

/// <summary>The commitment was taken back (by its responsible party or by the parties together).</summary>
public sealed record CommitmentReversed(Guid CommitmentId, string Reason, Provenance Provenance) : IFieldRules
{
    public static Problems Rules(Problems problems, string? reason) => problems.Text("reason", reason, max: CommitmentRules.MaxLongText);

    public Problems CheckFields(Problems problems) => Rules(problems, Reason);
}

/// <summary>A reversed commitment was taken up again.</summary>
public sealed record CommitmentReaffirmed(Guid CommitmentId, string? Reason, Provenance Provenance) : IFieldRules
{
    public static Problems Rules(Problems problems, string? reason) =>
        problems.Text("reason", reason, required: false, max: CommitmentRules.MaxLongText);

    public Problems CheckFields(Problems problems) => Rules(problems, Reason);
}

/// <summary>A party acted against the commitment while it stood.</summary>
public sealed record CommitmentBreached(Guid CommitmentId, string Party, string Reason, Provenance Provenance) : IFieldRules
{
    public static Problems Rules(Problems problems, string? party, string? reason) =>
        problems.Text("party", party).Text("reason", reason, max: CommitmentRules.MaxLongText);

    public Problems CheckFields(Problems problems) => Rules(problems, Party, Reason);
}
