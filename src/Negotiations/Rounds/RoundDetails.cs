using JasperFx.Events;
using Negotiations.Kernel;

namespace Negotiations.Rounds;

/// <summary>
/// A negotiation round as its readers see it: who meets, who mediates, which understandings it is about, where it
/// stands and why (the reason given for a postponement or cancellation, while it stands), the date and venue it is
/// planned for, and the outcome it was held with. <see cref="StatusSetBy"/> is the development that set where it
/// stands (its schedule, a rescheduling, postponement, cancellation or holding), to cite or correct it. Folded from
/// the round's stream; a correction or retraction folds the stream again as it stands.
/// </summary>
public sealed record RoundDetails(
    Guid Id,
    IReadOnlyList<string> Participants,
    string? Mediator,
    IReadOnlyList<Guid> UnderstandingIds,
    RoundStatus Status,
    string? StatusReason,
    Guid StatusSetBy,
    Occurrence? PlannedFor,
    string? Venue,
    RoundOutcome? Outcome,
    Guid OpenedBy,
    bool Retracted,
    long Version) : IStreamModel<RoundDetails>
{
    public RoundDetails At(long version) => this with { Version = version };

    public static RoundDetails? Fold(RoundDetails? state, IEvent e) => (state, e.Data) switch
    {
        (null, RoundScheduled s) => new(s.RoundId, s.Participants, s.Mediator, s.UnderstandingIds, RoundStatus.Scheduled, null, e.Id,
            s.PlannedFor, s.Venue, null, e.Id, false, e.Version),
        (null, HeldRoundReported h) => new(h.RoundId, h.Participants, h.Mediator, h.UnderstandingIds, RoundStatus.Held, null, e.Id,
            null, h.Venue, new RoundOutcome(h.Outcome, h.Agreed, h.Provenance.Occurred), e.Id, false, e.Version),
        (null, _) => null,
        ({ } s, RoundRescheduled r) => s.Stands(RoundStatus.Scheduled, null, e) with { PlannedFor = r.PlannedFor ?? s.PlannedFor, Venue = r.Venue ?? s.Venue },
        ({ } s, RoundHeld h) => s.Stands(RoundStatus.Held, null, e) with { Outcome = new RoundOutcome(h.Outcome, h.Agreed, h.Provenance.Occurred) },
        ({ } s, RoundPostponed p) => s.Stands(RoundStatus.Postponed, p.Reason, e) with { PlannedFor = p.NewDate ?? s.PlannedFor },
        ({ } s, RoundCancelled c) => s.Stands(RoundStatus.Cancelled, c.Reason, e),
        ({ } s, DevelopmentRetracted r) when r.RetractedEventId == s.OpenedBy => s with { Retracted = true, Version = e.Version },
        ({ } s, _) => s with { Version = e.Version }
    };

    private RoundDetails Stands(RoundStatus status, string? reason, IEvent e) =>
        this with { Status = status, StatusReason = reason, StatusSetBy = e.Id, Version = e.Version };
}
