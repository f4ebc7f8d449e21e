using JasperFx.Events;
using Negotiations.Kernel;

namespace Negotiations.Casualties;

/// <summary>
/// One source's casualty claim as its readers see it: what it is about, the figures as first published, the latest
/// <see cref="Kept"/> revisions and disputes (oldest first, each with its event id, to cite or correct it) and how many
/// there are in all. Every revision and dispute is on the timeline. Folded from the claim's stream; a correction or
/// retraction folds the stream again as it stands, so a corrected revision keeps its place.
/// </summary>
public sealed record CasualtyClaimDetails(
    Guid Id,
    string Source,
    string Incident,
    string Place,
    Occurrence Period,
    IReadOnlyList<Guid> UnderstandingIds,
    CasualtyCount Published,
    IReadOnlyList<CasualtyCount> Revisions,
    int RevisionCount,
    IReadOnlyList<CasualtyDispute> Disputes,
    int DisputeCount,
    bool Retracted,
    long Version) : IStreamModel<CasualtyClaimDetails>
{
    public const int Kept = 20;

    /// <summary>The figures that stand: the latest revision, or those first published.</summary>
    public CasualtyCount Latest => Revisions.Count == 0 ? Published : Revisions[^1];

    public bool Disputed => DisputeCount > 0;

    public CasualtyClaimDetails At(long version) => this with { Version = version };

    public static CasualtyClaimDetails? Fold(CasualtyClaimDetails? state, IEvent e) => (state, e.Data) switch
    {
        (null, CasualtyClaimPublished p) => new CasualtyClaimDetails(p.ClaimId, p.Source, p.Incident, p.Place, p.Period, p.UnderstandingIds,
            new CasualtyCount(e.Id, p.Figures.Named(), p.Breakdown, null, p.Provenance.Occurred), [], 0, [], 0, false, e.Version),
        (null, _) => null,
        ({ } s, CasualtyClaimRevised r) => s with
        {
            Revisions = Last(s.Revisions, new CasualtyCount(e.Id, r.Figures.Named(), r.Breakdown, r.Note, r.Provenance.Occurred)),
            RevisionCount = s.RevisionCount + 1,
            Version = e.Version
        },
        ({ } s, CasualtyClaimDisputed d) => s with
        {
            Disputes = Last(s.Disputes, new CasualtyDispute(e.Id, d.DisputedBy, d.Reason, d.Provenance.Occurred)),
            DisputeCount = s.DisputeCount + 1,
            Version = e.Version
        },
        ({ } s, DevelopmentRetracted r) when r.RetractedEventId == s.Published.EventId => s with { Retracted = true, Version = e.Version },
        ({ } s, _) => s with { Version = e.Version }
    };

    private static IReadOnlyList<T> Last<T>(IReadOnlyList<T> kept, T item) =>
        kept.Count >= Kept ? [.. kept.Skip(kept.Count - Kept + 1), item] : [.. kept, item];
}
