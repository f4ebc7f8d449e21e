using Negotiations.Links;
using Negotiations.Sources;

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

public sealed record MechanismMemberAdded(Guid MechanismId, MechanismMember Member, Provenance Provenance) : IDevelopment;

public sealed record MechanismMemberLeft(Guid MechanismId, string Member, string? Reason, Provenance Provenance) : IDevelopment;

/// <summary>The mechanism met; when is the provenance's occurred date.</summary>
public sealed record MechanismMeetingHeld(Guid MechanismId, IReadOnlyList<string> Attendees, string Summary, string? Venue, Provenance Provenance) : IDevelopment;

public sealed record MechanismReportPublished(Guid MechanismId, string Title, string Summary, string? Citation, Provenance Provenance) : IDevelopment;
