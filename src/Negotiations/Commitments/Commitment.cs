using JasperFx.Events;
using Negotiations.Kernel;

namespace Negotiations.Commitments;

/// <summary>A breach as the check for the same breach sent again knows it: who, and why.</summary>
public sealed record BreachKey(string Party, string Reason);

/// <summary>
/// The write model of a roadmap commitment: what its commands decide on and nothing more. Its deadline, whether it
/// stands or was reversed, the assessment that stands (a resent assessment is checked against it), and the latest
/// steps and breaches, so that the same one sent again appends nothing: the check looks back <see cref="Recent"/> of
/// each, not at the whole history, so that a command costs the same on a long history as on a short one (an
/// Idempotency-Key makes any resend safe). A correction or retraction folds the stream again as it stands
/// (<see cref="AsItStands"/>). What a reader sees of it is <see cref="CommitmentDetails"/>. Whether a deadline has
/// passed is not decided here: the fold has no clock; readers compare with their date.
/// </summary>
public sealed record Commitment(
    Guid Id,
    DateOnly? Deadline,
    CommitmentStanding Standing,
    ImplementationAssessment? Assessment,
    IReadOnlyList<ImplementationStep> RecentSteps,
    IReadOnlyList<BreachKey> RecentBreaches,
    Guid MadeBy,
    bool Retracted,
    long Version) : IWriteModel<Commitment>
{
    public const int Recent = 50;

    public Commitment At(long version) => this with { Version = version };

    /// <summary>
    /// A commitment's rules are about the fields of one development (the 0-3 scale) or need the store (cited
    /// evidence exists: checked where an assessment is logged or corrected, see CitedEvents). That no step and no
    /// assessment of full implementation comes while the commitment is reversed is kept by the commands only: a
    /// correction may still leave one there.
    /// </summary>
    public string? BrokenRule() => null;

    /// <summary>The fold. Pure: everything it uses comes from the events. Not named Apply: Marten would take that for a conventional projection method.</summary>
    public static Commitment? Fold(Commitment? state, IEvent e) => (state, e.Data) switch
    {
        (null, CommitmentMade m) => new(m.CommitmentId, m.Deadline, CommitmentStanding.InForce, null, [], [], e.Id, false, e.Version),
        (null, _) => null,
        ({ } s, CommitmentDeadlineChanged c) => s with { Deadline = c.Deadline, Version = e.Version },
        ({ } s, ImplementationStepReported r) => s with
        {
            RecentSteps = Last([.. s.RecentSteps, new ImplementationStep(r.Party, r.Description, r.Provenance.Occurred)]), Version = e.Version
        },
        ({ } s, ImplementationAssessed a) => s with
        {
            Assessment = new ImplementationAssessment(a.Level, a.Rationale, a.Evidence, a.Provenance.Occurred), Version = e.Version
        },
        ({ } s, CommitmentReversed) => s with { Standing = CommitmentStanding.Reversed, Version = e.Version },
        ({ } s, CommitmentReaffirmed) => s with { Standing = CommitmentStanding.InForce, Version = e.Version },
        ({ } s, CommitmentBreached b) => s with { RecentBreaches = Last([.. s.RecentBreaches, new BreachKey(b.Party, b.Reason)]), Version = e.Version },
        ({ } s, DevelopmentRetracted r) when r.RetractedEventId == s.MadeBy => s with { Retracted = true, Version = e.Version },
        ({ } s, _) => s with { Version = e.Version }
    };

    private static IReadOnlyList<T> Last<T>(IReadOnlyList<T> items) => items.Count > Recent ? items.Skip(items.Count - Recent).ToList() : items;
}
