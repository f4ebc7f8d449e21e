using JasperFx.Events;
using Negotiations.Corrections;
using Negotiations.Validation;

namespace Negotiations.Rounds;

/// <summary>
/// The write model of a negotiation round, folded from its own stream. Plans, standings and outcomes keep
/// the event that set them, so a retracted or corrected development falls back to what stood before.
/// </summary>
public sealed record Round(
    Guid Id,
    IReadOnlyList<string> Participants,
    string? Mediator,
    IReadOnlyList<Guid> UnderstandingIds,
    IReadOnlyList<Fact<RoundPlan>> Plans,
    IReadOnlyList<Fact<RoundStanding>> Standings,
    IReadOnlyList<Fact<RoundOutcome>> Outcomes,
    Guid OpenedBy,
    bool Retracted,
    long Version,
    Replacement? Replacing = null) : IWriteModel<Round>
{
    public Round At(long version) => this with { Version = version };

    public RoundStatus Status => Standings.Current(new RoundStanding(RoundStatus.Scheduled)).Status;

    /// <summary>Why the round was postponed or cancelled, while it is.</summary>
    public string? StatusReason => Standings.Current(new RoundStanding(RoundStatus.Scheduled)).Reason;

    /// <summary>The latest date named for the round, by its schedule, a rescheduling or a postponement.</summary>
    public Sources.Occurrence? PlannedFor => Plans.Values().LastOrDefault(p => p.PlannedFor is not null)?.PlannedFor;

    public string? Venue => Plans.Values().LastOrDefault(p => p.Venue is not null)?.Venue;

    public RoundOutcome? Outcome => Outcomes.Count == 0 ? null : Outcomes[^1].Value;

    /// <summary>The fold. Pure: everything it uses comes from the events. A correction's replacement is the very next event.</summary>
    public static Round? Fold(Round? state, IEvent e)
    {
        var next = Advance(state, e);
        return e.Data is DevelopmentCorrected || next?.Replacing is null ? next : next with { Replacing = null };
    }

    /// <summary>One event folded in. Not named Apply: Marten would take that for a conventional projection method.</summary>
    private static Round? Advance(Round? state, IEvent e) => (state, e.Data) switch
    {
        (null, RoundScheduled s) => new(s.RoundId, s.Participants, s.Mediator, s.UnderstandingIds,
            Facts.Start(e.Id, new RoundPlan(s.PlannedFor, s.Venue)), Facts.Start(e.Id, new RoundStanding(RoundStatus.Scheduled)),
            [], e.Id, false, e.Version),
        (null, HeldRoundReported h) => new(h.RoundId, h.Participants, h.Mediator, h.UnderstandingIds,
            Facts.Start(e.Id, new RoundPlan(null, h.Venue)), Facts.Start(e.Id, new RoundStanding(RoundStatus.Held)),
            Facts.Start(e.Id, new RoundOutcome(h.Outcome, h.Agreed, h.Provenance.Occurred)), e.Id, false, e.Version),
        (null, _) => null,
        ({ } s, RoundRescheduled r) => s with
        {
            Plans = s.Plans.With(e.Id, new RoundPlan(r.PlannedFor, r.Venue), s.Replacing),
            Standings = s.Standings.With(e.Id, new RoundStanding(RoundStatus.Scheduled), s.Replacing),
            Version = e.Version
        },
        ({ } s, RoundHeld h) => s with
        {
            Standings = s.Standings.With(e.Id, new RoundStanding(RoundStatus.Held), s.Replacing),
            Outcomes = s.Outcomes.With(e.Id, new RoundOutcome(h.Outcome, h.Agreed, h.Provenance.Occurred), s.Replacing),
            Version = e.Version
        },
        ({ } s, RoundPostponed p) => s with
        {
            Plans = p.NewDate is null ? s.Plans : s.Plans.With(e.Id, new RoundPlan(p.NewDate, null), s.Replacing),
            Standings = s.Standings.With(e.Id, new RoundStanding(RoundStatus.Postponed, p.Reason), s.Replacing),
            Version = e.Version
        },
        ({ } s, RoundCancelled c) => s with
        {
            Standings = s.Standings.With(e.Id, new RoundStanding(RoundStatus.Cancelled, c.Reason), s.Replacing),
            Version = e.Version
        },
        ({ } s, DevelopmentRetracted r) => s.Without(r.RetractedEventId) with { Version = e.Version },
        ({ } s, DevelopmentCorrected c) => s.Without(c.CorrectedEventId) with
        {
            Replacing = Facts.Place(c.CorrectedEventId, s.Plans.Ids(), s.Standings.Ids(), s.Outcomes.Ids()), Version = e.Version
        },
        ({ } s, _) => s with { Version = e.Version }
    };

    /// <summary>A round that was held or cancelled stays so: no later standing follows it.</summary>
    public string? BrokenRule()
    {
        if (Retracted) return null;
        var standings = Standings.Values().ToList();
        for (var i = 0; i < standings.Count - 1; i++)
            if (standings[i].Status is RoundStatus.Held or RoundStatus.Cancelled)
                return $"The round would be {standings[i + 1].Status.Word()} after it was {standings[i].Status.Word()}.";
        return null;
    }

    private Round Without(Guid eventId) => OpenedBy == eventId
        ? this with { Retracted = true }
        : this with { Plans = Plans.Without(eventId), Standings = Standings.Without(eventId), Outcomes = Outcomes.Without(eventId) };
}
