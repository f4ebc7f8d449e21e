using Negotiations.Kernel;

namespace Negotiations.Incidents;

/// <summary>
/// An incident happened: an air strike, shelling, a clash, a raid or an arrest, at a place (with how precisely the
/// source places it), with the actors the source names, the understandings it concerns and the casualty claims that
/// count its toll (none in incidents reported before they could be linked). When it happened is the provenance's
/// occurred date. One stream per incident.
/// </summary>
public sealed record IncidentReported(
    Guid IncidentId,
    IncidentKind Kind,
    string? KindLabel,
    string Summary,
    IReadOnlyList<Actor> Actors,
    Place Place,
    IReadOnlyList<Guid> UnderstandingIds,
    Provenance Provenance,
    IReadOnlyList<Guid>? CasualtyClaimIds = null) : IPlacedDevelopment, ILinksUnderstandings;
