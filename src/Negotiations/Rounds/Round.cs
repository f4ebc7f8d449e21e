using System.Text.Json.Serialization;
using JasperFx.Events;
using Negotiations.Kernel;

namespace Negotiations.Rounds;

/// <summary>
/// The write model of a negotiation round: what its commands decide on and nothing more. Where the round stands,
/// the date and venue it is planned for (a resent rescheduling or postponement is checked against them), the outcome
/// it was held with (a resent holding is checked against it), whether it was retracted and the stream's version, so
/// that a command costs the same on a long history as on a short one. A correction or retraction folds the stream
/// again as it stands (<see cref="AsItStands"/>). What a reader sees of it is <see cref="RoundDetails"/>.
/// </summary>
public sealed record Round(
    Guid Id,
    RoundStatus Status,
    Occurrence? PlannedFor,
    string? Venue,
    RoundOutcome? Outcome,
    Guid OpenedBy,
    bool Retracted,
    long Version,
    [property: JsonIgnore] string? Broken = null) : IWriteModel<Round>
{
    public Round At(long version) => this with { Version = version };

    /// <summary>The fold. Pure: everything it uses comes from the events. Not named Apply: Marten would take that for a conventional projection method.</summary>
    public static Round? Fold(Round? state, IEvent e) => (state, e.Data) switch
    {
        (null, RoundScheduled s) => new(s.RoundId, RoundStatus.Scheduled, s.PlannedFor, s.Venue, null, e.Id, false, e.Version),
        (null, HeldRoundReported h) => new(h.RoundId, RoundStatus.Held, null, h.Venue, new RoundOutcome(h.Outcome, h.Agreed, h.Provenance.Occurred),
            e.Id, false, e.Version),
        (null, _) => null,
        ({ } s, RoundRescheduled r) => s.Becomes(RoundStatus.Scheduled) with
        {
            PlannedFor = r.PlannedFor ?? s.PlannedFor, Venue = r.Venue ?? s.Venue, Version = e.Version
        },
        ({ } s, RoundHeld h) => s.Becomes(RoundStatus.Held) with
        {
            Outcome = new RoundOutcome(h.Outcome, h.Agreed, h.Provenance.Occurred), Version = e.Version
        },
        ({ } s, RoundPostponed p) => s.Becomes(RoundStatus.Postponed) with { PlannedFor = p.NewDate ?? s.PlannedFor, Version = e.Version },
        ({ } s, RoundCancelled) => s.Becomes(RoundStatus.Cancelled) with { Version = e.Version },
        ({ } s, DevelopmentRetracted r) when r.RetractedEventId == s.OpenedBy => s with { Retracted = true, Version = e.Version },
        ({ } s, _) => s with { Version = e.Version }
    };

    /// <summary>A round that was held or cancelled stays so: no later standing follows it.</summary>
    public string? BrokenRule() => Retracted ? null : Broken;

    private Round Becomes(RoundStatus next) => this with
    {
        Status = next,
        Broken = Broken ?? (Status is RoundStatus.Held or RoundStatus.Cancelled ? $"The round would be {next.Word()} after it was {Status.Word()}." : null)
    };
}
