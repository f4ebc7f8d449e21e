using Negotiations.Links;
using Negotiations.Sources;

namespace Negotiations.Casualties;

/// <summary>One source's figures for one incident or period and place. Each claim is its own stream; claims are never merged.</summary>
public sealed record CasualtyClaimPublished(
    Guid ClaimId,
    string Source,
    string Incident,
    string Place,
    Occurrence Period,
    CasualtyFigures Figures,
    IReadOnlyList<CasualtyBreakdown> Breakdown,
    IReadOnlyList<Guid> UnderstandingIds,
    Provenance Provenance) : IDevelopment, ILinksUnderstandings;

/// <summary>The same source gave new figures; the earlier ones stay in the claim's history.</summary>
public sealed record CasualtyClaimRevised(
    Guid ClaimId,
    CasualtyFigures Figures,
    IReadOnlyList<CasualtyBreakdown> Breakdown,
    string? Note,
    Provenance Provenance) : IDevelopment;

public sealed record CasualtyClaimDisputed(Guid ClaimId, string DisputedBy, string Reason, Provenance Provenance) : IDevelopment;
