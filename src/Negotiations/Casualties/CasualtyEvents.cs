using Negotiations.Kernel;

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
    Provenance Provenance) : IFieldRules
{
    public static Problems Rules(Problems problems, CasualtyFigures? figures, IReadOnlyList<CasualtyBreakdown>? breakdown, string? note) =>
        problems.Figures(figures).Breakdown(breakdown, figures).Text("note", note, required: false, max: 2000);

    public Problems CheckFields(Problems problems) =>
        Rules(problems, Figures, Breakdown, Note).When(Breakdown is null, "breakdown", "Required: the parts of the toll (an empty list if none).");
}

public sealed record CasualtyClaimDisputed(Guid ClaimId, string DisputedBy, string Reason, Provenance Provenance) : IFieldRules
{
    public static Problems Rules(Problems problems, string? disputedBy, string? reason) =>
        problems.Text("disputedBy", disputedBy).Text("reason", reason, max: 2000);

    public Problems CheckFields(Problems problems) => Rules(problems, DisputedBy, Reason);
}
