using JasperFx.Events;
using Negotiations.Corrections;

namespace Negotiations.Commitments;

/// <summary>
/// The write model of a roadmap commitment, folded from its own stream. Everything a later development
/// said is kept with the event that said it, so a retraction or correction falls back to what stood before.
/// Whether a deadline has passed is not decided here: the fold has no clock; readers compare with their date.
/// </summary>
public sealed record Commitment(
    Guid Id,
    Guid UnderstandingId,
    string Text,
    CommitmentCategory Category,
    string ResponsibleParty,
    IReadOnlyList<string> Backers,
    IReadOnlyList<Fact<DateOnly?>> Deadlines,
    IReadOnlyList<Fact<ImplementationStep>> Steps,
    IReadOnlyList<Fact<ImplementationAssessment>> Assessments,
    IReadOnlyList<Fact<StandingChange>> StandingChanges,
    IReadOnlyList<Fact<Breach>> Breaches,
    bool Retracted,
    long Version,
    Replacement? Replacing = null) : IWriteModel<Commitment>
{
    public Commitment At(long version) => this with { Version = version };

    /// <summary>
    /// A commitment's rules are about the fields of one development (the 0-3 scale) or need the store (cited
    /// evidence exists: checked where an assessment is logged or corrected, see CitedEvents). Whether an
    /// assessment or step came while the commitment was reversed depends on the order of the lists, which
    /// the model does not keep across them.
    /// </summary>
    public string? BrokenRule() => null;

    public DateOnly? Deadline => Deadlines.Current(null);

    /// <summary>The latest assessment that was not taken back; none before the first one.</summary>
    public ImplementationAssessment? Assessment => Assessments.Count == 0 ? null : Assessments[^1].Value;

    public CommitmentStanding Standing => StandingChanges.Count == 0 ? CommitmentStanding.InForce : StandingChanges[^1].Value.Standing;

    /// <summary>The fold. Pure: everything it uses comes from the events. A correction's replacement is the very next event.</summary>
    public static Commitment? Fold(Commitment? state, IEvent e)
    {
        var next = Advance(state, e);
        return e.Data is DevelopmentCorrected || next?.Replacing is null ? next : next with { Replacing = null };
    }

    /// <summary>One event folded in. Not named Apply: Marten would take that for a conventional projection method.</summary>
    private static Commitment? Advance(Commitment? state, IEvent e) => (state, e.Data) switch
    {
        (null, CommitmentMade m) => new(m.CommitmentId, m.UnderstandingId, m.Text, m.Category, m.ResponsibleParty, m.Backers,
            Facts.Start(e.Id, m.Deadline), [], [], [], [], false, e.Version),
        (null, _) => null,
        ({ } s, CommitmentDeadlineChanged c) => s with { Deadlines = s.Deadlines.With(e.Id, c.Deadline, s.Replacing), Version = e.Version },
        ({ } s, ImplementationStepReported r) => s with
        {
            Steps = s.Steps.With(e.Id, new ImplementationStep(r.Party, r.Description, r.Provenance.Occurred), s.Replacing), Version = e.Version
        },
        ({ } s, ImplementationAssessed a) => s with
        {
            Assessments = s.Assessments.With(e.Id, new ImplementationAssessment(a.Level, a.Rationale, a.Evidence, a.Provenance.Occurred), s.Replacing),
            Version = e.Version
        },
        ({ } s, CommitmentReversed r) => s with
        {
            StandingChanges = s.StandingChanges.With(e.Id, new StandingChange(CommitmentStanding.Reversed, r.Reason, r.Provenance.Occurred), s.Replacing),
            Version = e.Version
        },
        ({ } s, CommitmentReaffirmed r) => s with
        {
            StandingChanges = s.StandingChanges.With(e.Id, new StandingChange(CommitmentStanding.InForce, r.Reason, r.Provenance.Occurred), s.Replacing),
            Version = e.Version
        },
        ({ } s, CommitmentBreached b) => s with { Breaches = s.Breaches.With(e.Id, new Breach(b.Party, b.Reason, b.Provenance.Occurred), s.Replacing), Version = e.Version },
        ({ } s, DevelopmentRetracted r) => s.Without(r.RetractedEventId) with { Version = e.Version },
        ({ } s, DevelopmentCorrected c) => s.Without(c.CorrectedEventId) with
        {
            Replacing = Facts.Place(c.CorrectedEventId, s.Deadlines.Ids(), s.Steps.Ids(), s.Assessments.Ids(), s.StandingChanges.Ids(), s.Breaches.Ids()),
            Version = e.Version
        },
        ({ } s, _) => s with { Version = e.Version }
    };

    private Commitment Without(Guid eventId) => Deadlines[0].EventId == eventId
        ? this with { Retracted = true }
        : this with
        {
            Deadlines = Deadlines.Without(eventId),
            Steps = Steps.Without(eventId),
            Assessments = Assessments.Without(eventId),
            StandingChanges = StandingChanges.Without(eventId),
            Breaches = Breaches.Without(eventId)
        };
}
