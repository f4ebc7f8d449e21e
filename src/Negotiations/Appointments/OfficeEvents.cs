using Negotiations.Links;
using Negotiations.Sources;

namespace Negotiations.Appointments;

/// <summary>
/// Someone was appointed to an office. The office's stream id is computed from office and jurisdiction
/// (see OfficeIds). A single-holder office has one holder at a time. From when: the provenance's occurred date.
/// </summary>
public sealed record OfficialAppointed(
    Guid OfficeId,
    string Person,
    string Office,
    string Jurisdiction,
    string AppointedBy,
    string? Affiliation,
    bool SingleHolder,
    IReadOnlyList<Guid> UnderstandingIds,
    Provenance Provenance) : IDevelopment, ILinksUnderstandings;

public sealed record OfficialDismissed(Guid OfficeId, string Person, string DismissedBy, string? Reason, Provenance Provenance) : IDevelopment;

public sealed record OfficialResigned(Guid OfficeId, string Person, string? Reason, Provenance Provenance) : IDevelopment;
