using System.Text.Json.Serialization;
using JasperFx.Events;
using Negotiations.Kernel;

namespace Negotiations.Casualties;

/// <summary>A dispute as the check for the same dispute sent again knows it: who, and why.</summary>
public sealed record DisputeKey(string DisputedBy, string Reason);

/// <summary>
/// The write model of one source's casualty claim: what its commands decide on and nothing more. Its source (only it
/// revises the claim, and it does not dispute it), its latest figures and breakdown (the same ones again append
/// nothing), and the latest <see cref="Recent"/> disputes, so that the same dispute sent again appends nothing: the
/// check looks back that far, not at the whole history (an Idempotency-Key makes any resend safe). A correction or
/// retraction folds the stream again as it stands (<see cref="AsItStands"/>). What a reader sees of it is
/// <see cref="CasualtyClaimDetails"/>.
/// </summary>
public sealed record CasualtyClaim(
    Guid Id,
    string Source,
    Guid PublishedBy,
    CasualtyFigures Figures,
    IReadOnlyList<CasualtyBreakdown> Breakdown,
    IReadOnlyList<DisputeKey> RecentDisputes,
    bool Retracted,
    long Version,
    [property: JsonIgnore] string? Broken = null) : IWriteModel<CasualtyClaim>, IRetractable
{
    public const int Recent = 50;

    public CasualtyClaim At(long version) => this with { Version = version };

    /// <summary>A source revises its own figures; it does not dispute them. The first dispute by its own source, noted while it folds.</summary>
    public string? BrokenRule() => Retracted ? null : Broken;

    public bool DisputedBefore(string disputedBy, string reason) =>
        RecentDisputes.Any(d => CasualtyRules.SameSource(d.DisputedBy, disputedBy) && d.Reason == reason.Trim());

    /// <summary>The fold. Pure: everything it uses comes from the events. Not named Apply: Marten would take that for a conventional projection method.</summary>
    public static CasualtyClaim? Fold(CasualtyClaim? state, IEvent e) => (state, e.Data) switch
    {
        (null, CasualtyClaimPublished p) => new CasualtyClaim(p.ClaimId, p.Source, e.Id, p.Figures, p.Breakdown, [], false, e.Version),
        (null, _) => null,
        ({ } s, CasualtyClaimRevised r) => s with { Figures = r.Figures, Breakdown = r.Breakdown, Version = e.Version },
        ({ } s, CasualtyClaimDisputed d) => s.Disputed(d) with { Version = e.Version },
        ({ } s, DevelopmentRetracted r) when r.RetractedEventId == s.PublishedBy => s with { Retracted = true, Version = e.Version },
        ({ } s, _) => s with { Version = e.Version }
    };

    private CasualtyClaim Disputed(CasualtyClaimDisputed d)
    {
        List<DisputeKey> disputes = [.. RecentDisputes, new DisputeKey(d.DisputedBy, d.Reason)];
        return this with
        {
            RecentDisputes = disputes.Count > Recent ? disputes.Skip(disputes.Count - Recent).ToList() : disputes,
            Broken = Broken ?? (CasualtyRules.SameSource(d.DisputedBy, Source)
                ? $"{Source} published this claim; it would dispute its own figures. A source revises its own figures rather than disputing them."
                : null)
        };
    }
}
