using Negotiations.Kernel;

namespace Negotiations.Mechanisms;

/// <summary>
/// An oversight or verification body was set up: who sits on it, what it is mandated to do, which
/// understandings it oversees, and (optionally) the understanding that set it up.
/// </summary>
public sealed record MechanismEstablished(
    Guid MechanismId,
    string Name,
    IReadOnlyList<MechanismMember> Members,
    string Mandate,
    IReadOnlyList<Guid> OverseenUnderstandingIds,
    Guid? EstablishedUnder,
    Provenance Provenance) : IDevelopment, ILinksUnderstandings
{
    IReadOnlyList<Guid> ILinksUnderstandings.UnderstandingIds =>
        EstablishedUnder is { } under ? [.. OverseenUnderstandingIds, under] : OverseenUnderstandingIds;
}

public sealed record MechanismMemberAdded(Guid MechanismId, MechanismMember Member, Provenance Provenance) : IFieldRules
{
    public static Problems Rules(Problems problems, MechanismMember? member) => problems.Member("member", member);

    public Problems CheckFields(Problems problems) => Rules(problems, Member);
}

public sealed record MechanismMemberLeft(Guid MechanismId, string Member, string? Reason, Provenance Provenance) : IFieldRules
{
    public static Problems Rules(Problems problems, string? member, string? reason) =>
        problems.Text("member", member).Text("reason", reason, required: false);

    public Problems CheckFields(Problems problems) => Rules(problems, Member, Reason);
}

/// <summary>The mechanism met; when is the provenance's occurred date.</summary>
public sealed record MechanismMeetingHeld(Guid MechanismId, IReadOnlyList<string> Attendees, string Summary, string? Venue, Provenance Provenance) : IFieldRules
{
    public const int MaxSummary = 4000;

    /// <summary>Attendees need not be members (observers, invited parties), but at least one is named.</summary>
    public static Problems Rules(Problems problems, IReadOnlyList<string>? attendees, string? summary, string? venue)
    {
        problems.Text("summary", summary, max: MaxSummary).Text("venue", venue, required: false);
        if (attendees is null || attendees.Count == 0) problems.Add("attendees", "At least one attendee is required.");
        else if (attendees.Count > MechanismRules.MaxAttendees) problems.Add("attendees", $"At most {MechanismRules.MaxAttendees} attendees.");
        else for (var i = 0; i < attendees.Count; i++) problems.Text($"attendees[{i}]", attendees[i]);
        return problems;
    }

    public Problems CheckFields(Problems problems) => Rules(problems, Attendees, Summary, Venue);
}

public sealed record MechanismReportPublished(Guid MechanismId, string Title, string Summary, string? Citation, Provenance Provenance) : IFieldRules
{
    public const int MaxSummary = 4000;

    public static Problems Rules(Problems problems, string? title, string? summary, string? citation) =>
        problems.Text("title", title).Text("summary", summary, max: MaxSummary).Text("citation", citation, required: false, max: 2000);

    public Problems CheckFields(Problems problems) => Rules(problems, Title, Summary, Citation);
}
