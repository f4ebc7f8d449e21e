using JasperFx.Events;
using Negotiations.Kernel;

namespace Negotiations.Commitments;

/// <summary>Something a party reported having done towards the commitment, with the event that reported it (to cite as evidence).</summary>
public sealed record CommitmentStep(Guid EventId, string Party, string Description, Occurrence Occurred);

/// <summary>A party acted against the commitment, with the event that reported it.</summary>
public sealed record CommitmentBreach(Guid EventId, string Party, string Reason, Occurrence Occurred);

/// <summary>
/// A roadmap commitment as its readers see it: what was promised, by whom, backed by whom; its deadline, the
/// assessment that stands and whether the commitment stands, each with the development that set it (to cite or
/// correct it); how many steps, assessments and breaches were reported, with the latest <see cref="Latest"/> steps
/// and breaches by the date they happened (every one is on the timeline). <see cref="Levels"/> and
/// <see cref="Standings"/> hold the level and the standing by the days they changed on (by the dates the
/// assessments, reversals and reaffirmations occurred), so that whether it was overdue can be judged on any day.
/// Folded from the commitment's stream; a correction or retraction folds the stream again as it stands.
/// </summary>
public sealed record CommitmentDetails(
    Guid Id,
    Guid UnderstandingId,
    string Text,
    CommitmentCategory Category,
    string ResponsibleParty,
    IReadOnlyList<string> Backers,
    Guid MadeBy,
    DateOnly? Deadline,
    Guid DeadlineSetBy,
    ImplementationAssessment? Assessment,
    Guid? AssessedBy,
    int AssessmentCount,
    CommitmentStanding Standing,
    string? StandingReason,
    Guid? StandingSetBy,
    int StepCount,
    IReadOnlyList<CommitmentStep> LatestSteps,
    int BreachCount,
    IReadOnlyList<CommitmentBreach> LatestBreaches,
    IReadOnlyList<Since<int>> Levels,
    IReadOnlyList<Since<CommitmentStanding>> Standings,
    bool Retracted,
    long Version,
    string? CategoryLabel = null) : IStreamModel<CommitmentDetails>
{
    public const int Latest = 5;

    public CommitmentDetails At(long version) => this with { Version = version };

    /// <summary>The level of the latest assessment recorded among those that occurred by the day; null before the first.</summary>
    public int? LevelOn(DateOnly day) => Levels.On(day);

    /// <summary>The standing the latest reversal or reaffirmation that occurred by the day gave it; null before the first.</summary>
    public CommitmentStanding? StandingOn(DateOnly day) => Standings.On(day);

    public static CommitmentDetails? Fold(CommitmentDetails? state, IEvent e) => (state, e.Data) switch
    {
        (null, CommitmentMade m) => new(m.CommitmentId, m.UnderstandingId, m.Text, m.Category, m.ResponsibleParty, m.Backers, e.Id,
            m.Deadline, e.Id, null, null, 0, CommitmentStanding.InForce, null, null, 0, [], 0, [], [], [], false, e.Version, m.CategoryLabel),
        (null, _) => null,
        ({ } s, CommitmentDeadlineChanged c) => s with { Deadline = c.Deadline, DeadlineSetBy = e.Id, Version = e.Version },
        ({ } s, ImplementationStepReported r) => s with
        {
            StepCount = s.StepCount + 1,
            LatestSteps = Keep(s.LatestSteps, new CommitmentStep(e.Id, r.Party, r.Description, r.Provenance.Occurred), x => x.Occurred),
            Version = e.Version
        },
        ({ } s, ImplementationAssessed a) => s with
        {
            Assessment = new ImplementationAssessment(a.Level, a.Rationale, a.Evidence, a.Provenance.Occurred),
            AssessedBy = e.Id,
            AssessmentCount = s.AssessmentCount + 1,
            Levels = s.Levels.Then(a.Provenance.Occurred.From, a.Level),
            Version = e.Version
        },
        ({ } s, CommitmentReversed r) => s.Stands(CommitmentStanding.Reversed, r.Reason, r.Provenance.Occurred, e),
        ({ } s, CommitmentReaffirmed r) => s.Stands(CommitmentStanding.InForce, r.Reason, r.Provenance.Occurred, e),
        ({ } s, CommitmentBreached b) => s with
        {
            BreachCount = s.BreachCount + 1,
            LatestBreaches = Keep(s.LatestBreaches, new CommitmentBreach(e.Id, b.Party, b.Reason, b.Provenance.Occurred), x => x.Occurred),
            Version = e.Version
        },
        ({ } s, DevelopmentRetracted r) when r.RetractedEventId == s.MadeBy => s with { Retracted = true, Version = e.Version },
        ({ } s, _) => s with { Version = e.Version }
    };

    private CommitmentDetails Stands(CommitmentStanding standing, string? reason, Occurrence occurred, IEvent e) => this with
    {
        Standing = standing, StandingReason = reason, StandingSetBy = e.Id, Standings = Standings.Then(occurred.From, standing), Version = e.Version
    };

    /// <summary>The latest items by the first day they may have happened (ties in the order recorded), oldest first.</summary>
    private static IReadOnlyList<T> Keep<T>(IReadOnlyList<T> latest, T item, Func<T, Occurrence> on)
    {
        var at = latest.Count;
        while (at > 0 && on(latest[at - 1]).From > on(item).From) at--;
        List<T> kept = [.. latest.Take(at), item, .. latest.Skip(at)];
        return kept.Count > Latest ? kept.Skip(kept.Count - Latest).ToList() : kept;
    }
}
