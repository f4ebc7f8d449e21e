using Negotiations.Casualties;
using Negotiations.Commitments;
using Negotiations.Corrections;
using Negotiations.Sources;
using Negotiations.Status;
using Negotiations.Tests.Casualties;
using Negotiations.Tests.Commitments;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Queries;

/// <summary>The pure parts of the queries: when a commitment is overdue, how claims are put side by side. No database.</summary>
public class QueryRulesTests
{
    private static readonly Guid Roadmap = Guid.Parse("0199b000-0000-7000-8000-000000000003");
    private static readonly DateOnly NewYearsEve = new(2025, 12, 31);

    private static Commitment Due(DateOnly? deadline) =>
        Commitment.Fold(null, (GivenCommitments.JusticeForVictims(Roadmap) with { Deadline = deadline }).Decide(Guid.CreateVersion7()).AsEvent())!;

    private static Commitment Then(Commitment state, object data, Guid? eventId = null) => Commitment.Fold(state, data.AsEvent(eventId, state.Version + 1))!;

    [Fact]
    public void A_commitment_is_overdue_from_the_day_after_its_deadline()
    {
        OverdueCommitments.Judge(Due(NewYearsEve), NewYearsEve).ShouldBeNull();
        OverdueCommitments.Judge(Due(NewYearsEve), new DateOnly(2026, 1, 1))!.DaysOverdue.ShouldBe(1);
        OverdueCommitments.Judge(Due(null), new DateOnly(2030, 1, 1)).ShouldBeNull();
    }

    [Fact]
    public void Full_implementation_counts_from_the_day_it_occurred_and_a_retracted_assessment_not_at_all()
    {
        var commitment = Due(NewYearsEve);
        var assessment = Guid.CreateVersion7();
        var fullyDone = Then(commitment, new ImplementationAssessed(commitment.Id, 3, "Road reopened", [Guid.CreateVersion7()],
            Given.Reported(new DateOnly(2026, 2, 1))), assessment);

        OverdueCommitments.Judge(fullyDone, new DateOnly(2026, 1, 31))!.Level.ShouldBeNull();
        OverdueCommitments.Judge(fullyDone, new DateOnly(2026, 2, 1)).ShouldBeNull();

        var retracted = Then(fullyDone, new DevelopmentRetracted(assessment, "implementation_assessed", "Misreported"));
        OverdueCommitments.Judge(retracted, new DateOnly(2026, 2, 1))!.DaysOverdue.ShouldBe(32);
    }

    [Fact]
    public void A_reversed_commitment_is_not_overdue_once_reversed_and_again_once_reaffirmed()
    {
        var commitment = Due(NewYearsEve);
        var reversed = Then(commitment, new CommitmentReversed(commitment.Id, "Withdrawn", Given.Reported(new DateOnly(2026, 1, 10))));

        OverdueCommitments.Judge(reversed, new DateOnly(2026, 1, 9)).ShouldNotBeNull();
        OverdueCommitments.Judge(reversed, new DateOnly(2026, 1, 10)).ShouldBeNull();
        var reaffirmed = Then(reversed, new CommitmentReaffirmed(commitment.Id, null, Given.Reported(new DateOnly(2026, 2, 1))));
        OverdueCommitments.Judge(reaffirmed, new DateOnly(2026, 2, 2)).ShouldNotBeNull();
    }

    private static CasualtyClaim Claim(string source, string incident, string place, Occurrence period, int best) =>
        CasualtyClaim.Fold(null, (GivenCasualties.SweidaToll() with
        {
            Source = source, Incident = incident, Place = place, Period = period, Figures = new CasualtyFigures(null, best, null)
        }).Decide(Guid.CreateVersion7()).AsEvent())!;

    [Fact]
    public void Claims_on_the_same_incident_place_and_period_stand_side_by_side_whatever_their_spelling()
    {
        var july = new Occurrence(new DateOnly(2025, 7, 1), DatePrecision.Month);
        var groups = CompareCasualtyClaimsEndpoint.SideBySide([
            Claim("SOHR", "Sweida  violence", "Sweida", july, 2000),
            Claim("SNHR", "sweida violence ", "SWEIDA", july, 1500),
            Claim("SNHR", "Sweida violence", "Sweida", new Occurrence(new DateOnly(2025, 8, 1), DatePrecision.Month), 40)
        ]);

        groups.Count.ShouldBe(2);
        groups[0].Period.From.ShouldBe(new DateOnly(2025, 8, 1));
        groups[1].Claims.Select(c => (c.Source, c.Latest.Figures.Best)).ShouldBe([("SNHR", (int?)1500), ("SOHR", (int?)2000)]);
    }
}
