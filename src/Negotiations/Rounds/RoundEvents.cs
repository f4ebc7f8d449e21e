using Negotiations.Kernel;

namespace Negotiations.Rounds;

/// <summary>A round of talks was announced for a planned date (as precise as it is known), at a venue if one was named.</summary>
public sealed record RoundScheduled(
    Guid RoundId,
    string? Venue,
    Occurrence PlannedFor,
    IReadOnlyList<string> Participants,
    string? Mediator,
    IReadOnlyList<Guid> UnderstandingIds,
    Provenance Provenance) : IDevelopment, ILinksUnderstandings;

/// <summary>
/// A round became known only once it had taken place (e.g. "officials have already met"): it opens its
/// stream already held. When it was held is the provenance's occurred date.
/// </summary>
public sealed record HeldRoundReported(
    Guid RoundId,
    string? Venue,
    IReadOnlyList<string> Participants,
    string? Mediator,
    IReadOnlyList<Guid> UnderstandingIds,
    string Outcome,
    IReadOnlyList<string> Agreed,
    Provenance Provenance) : IDevelopment, ILinksUnderstandings;

/// <summary>The round moved to another date and/or venue. A part left out stays as it was.</summary>
public sealed record RoundRescheduled(Guid RoundId, Occurrence? PlannedFor, string? Venue, Provenance Provenance) : IFieldRules
{
    public static Problems Rules(Problems problems, Occurrence? plannedFor, string? venue) =>
        problems.Occurrence("plannedFor", plannedFor, required: false).Text("venue", venue, required: false)
            .When(plannedFor is null && venue.Tidy() is null, "plannedFor", "Give a new date, a new venue or both.");

    public Problems CheckFields(Problems problems) => Rules(problems, PlannedFor, Venue);
}

/// <summary>The round took place (when: the provenance's occurred date), with what came out of it and the points agreed.</summary>
public sealed record RoundHeld(Guid RoundId, string Outcome, IReadOnlyList<string> Agreed, Provenance Provenance) : IFieldRules
{
    public static Problems Rules(Problems problems, string? outcome, IReadOnlyList<string>? agreed) =>
        problems.Text("outcome", outcome, max: RoundRules.MaxSummary).Points("agreed", agreed);

    public Problems CheckFields(Problems problems) =>
        Rules(problems, Outcome, Agreed).When(Agreed is null, "agreed", "Required: the points agreed (an empty list when none were disclosed).");
}

/// <summary>The round was put off, for a reason, perhaps to a new date.</summary>
public sealed record RoundPostponed(Guid RoundId, string Reason, Occurrence? NewDate, Provenance Provenance) : IFieldRules
{
    public static Problems Rules(Problems problems, string? reason, Occurrence? newDate) =>
        problems.Text("reason", reason).Occurrence("newDate", newDate, required: false);

    public Problems CheckFields(Problems problems) => Rules(problems, Reason, NewDate);
}

/// <summary>The round will not take place.</summary>
public sealed record RoundCancelled(Guid RoundId, string Reason, Provenance Provenance) : IFieldRules
{
    public static Problems Rules(Problems problems, string? reason) => problems.Text("reason", reason);

    public Problems CheckFields(Problems problems) => Rules(problems, Reason);
}
