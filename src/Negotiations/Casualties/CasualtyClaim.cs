using JasperFx.Events;
using Negotiations.Kernel;

namespace Negotiations.Casualties;

/// <summary>
/// The write model of one source's casualty claim. History holds the published figures and every
/// revision, each with the event that gave it; Latest is the newest one not taken back.
/// </summary>
public sealed record CasualtyClaim(
    Guid Id,
    string Source,
    string Incident,
    string Place,
    Occurrence Period,
    IReadOnlyList<Guid> UnderstandingIds,
    IReadOnlyList<Fact<CasualtyCount>> History,
    IReadOnlyList<Fact<CasualtyDispute>> Disputes,
    bool Retracted,
    long Version,
    Replacement? Replacing = null) : IWriteModel<CasualtyClaim>
{
    public CasualtyClaim At(long version) => this with { Version = version };

    /// <summary>A source revises its own figures; it does not dispute them.</summary>
    public string? BrokenRule() =>
        Retracted ? null
        : Disputes.Values().Any(d => CasualtyRules.SameSource(d.DisputedBy, Source))
            ? $"{Source} published this claim; it would dispute its own figures. A source revises its own figures rather than disputing them."
            : null;

    public CasualtyCount Latest => History[^1].Value;

    public bool Disputed => Disputes.Count > 0;

    /// <summary>The fold. Pure: everything it uses comes from the events. A correction's replacement is the very next event.</summary>
    public static CasualtyClaim? Fold(CasualtyClaim? state, IEvent e)
    {
        var next = Advance(state, e);
        return e.Data is DevelopmentCorrected || next?.Replacing is null ? next : next with { Replacing = null };
    }

    /// <summary>One event folded in. Not named Apply: Marten would take that for a conventional projection method.</summary>
    private static CasualtyClaim? Advance(CasualtyClaim? state, IEvent e) => (state, e.Data) switch
    {
        (null, CasualtyClaimPublished p) => new(p.ClaimId, p.Source, p.Incident, p.Place, p.Period, p.UnderstandingIds,
            Facts.Start(e.Id, new CasualtyCount(p.Figures, p.Breakdown, null, p.Provenance.Occurred)), [], false, e.Version),
        (null, _) => null,
        ({ } s, CasualtyClaimRevised r) => s with
        {
            History = s.History.With(e.Id, new CasualtyCount(r.Figures, r.Breakdown, r.Note, r.Provenance.Occurred), s.Replacing), Version = e.Version
        },
        ({ } s, CasualtyClaimDisputed d) => s with
        {
            Disputes = s.Disputes.With(e.Id, new CasualtyDispute(d.DisputedBy, d.Reason, d.Provenance.Occurred), s.Replacing), Version = e.Version
        },
        ({ } s, DevelopmentRetracted r) => s.Without(r.RetractedEventId) with { Version = e.Version },
        ({ } s, DevelopmentCorrected c) => s.Without(c.CorrectedEventId) with
        {
            Replacing = Facts.Place(c.CorrectedEventId, s.History.Ids(), s.Disputes.Ids()), Version = e.Version
        },
        ({ } s, _) => s with { Version = e.Version }
    };

    private CasualtyClaim Without(Guid eventId) => History[0].EventId == eventId
        ? this with { Retracted = true }
        : this with { History = History.Without(eventId), Disputes = Disputes.Without(eventId) };
}
