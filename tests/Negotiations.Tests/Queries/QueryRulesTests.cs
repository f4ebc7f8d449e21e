using Negotiations.Casualties;
using Negotiations.Commitments;
using Negotiations.Kernel;
using Negotiations.ReadModels.Status;
using Negotiations.Tests.Casualties;
using Negotiations.Tests.Commitments;
using Negotiations.Tests.Support;
using IEvent = JasperFx.Events.IEvent;

namespace Negotiations.Tests.Queries;

/// <summary>The pure parts of the queries: when a commitment is overdue, how claims are put side by side. No database.</summary>
public class QueryRulesTests
{
    private static readonly Guid Roadmap = Guid.Parse("0199b000-0000-7000-8000-000000000003");
    private static readonly DateOnly NewYearsEve = new(2025, 12, 31);

    /// <summary>A commitment with the deadline and then the developments, as it stands.</summary>
    private static CommitmentDetails Due(DateOnly? deadline, params (object Data, Guid? Id)[] developments)
    {
        var id = Guid.CreateVersion7();
        IEvent[] stream =
        [
            (GivenCommitments.JusticeForVictims(Roadmap) with { Deadline = deadline }).Decide(id).AsEvent(),
            .. developments.Select((d, i) => d.Data.AsEvent(d.Id, i + 2))
        ];
        return AsItStands.Fold<CommitmentDetails>(stream)!;
    }

    private static (object, Guid?) Dev(object data, Guid? id = null) => (data, id);

    [Fact]
    public void A_commitment_is_overdue_from_the_day_after_its_deadline()
    {
        OverdueCommitments.Judge(Due(NewYearsEve), NewYearsEve).ShouldBeNull();
        OverdueCommitments.Judge(Due(NewYearsEve), new DateOnly(2026, 1, 1))!.DaysOverdue.ShouldBe(1);
        OverdueCommitments.Judge(Due(null), new DateOnly(2030, 1, 1)).ShouldBeNull();
    }

    private static ImplementationAssessed Assessed(int level, DateOnly on) =>
        new(Guid.Empty, level, "Road reopened", [Guid.CreateVersion7()], Given.Reported(on));

    [Fact]
    public void Full_implementation_counts_from_the_day_it_occurred_and_a_retracted_assessment_not_at_all()
    {
        var assessment = Guid.CreateVersion7();
        var fullyDone = Due(NewYearsEve, Dev(Assessed(3, new DateOnly(2026, 2, 1)), assessment));

        OverdueCommitments.Judge(fullyDone, new DateOnly(2026, 1, 31))!.Level.ShouldBeNull();
        OverdueCommitments.Judge(fullyDone, new DateOnly(2026, 2, 1)).ShouldBeNull();

        var retracted = Due(NewYearsEve, Dev(Assessed(3, new DateOnly(2026, 2, 1)), assessment),
            Dev(new DevelopmentRetracted(assessment, "implementation_assessed", "Misreported")));
        OverdueCommitments.Judge(retracted, new DateOnly(2026, 2, 1))!.DaysOverdue.ShouldBe(32);
    }

    [Fact]
    public void A_reversed_commitment_is_not_overdue_once_reversed_and_again_once_reaffirmed()
    {
        var reversal = new CommitmentReversed(Guid.Empty, "Withdrawn", Given.Reported(new DateOnly(2026, 1, 10)));
        var reversed = Due(NewYearsEve, Dev(reversal));

        OverdueCommitments.Judge(reversed, new DateOnly(2026, 1, 9)).ShouldNotBeNull();
        OverdueCommitments.Judge(reversed, new DateOnly(2026, 1, 10)).ShouldBeNull();
        var reaffirmed = Due(NewYearsEve, Dev(reversal), Dev(new CommitmentReaffirmed(Guid.Empty, null, Given.Reported(new DateOnly(2026, 2, 1)))));
        OverdueCommitments.Judge(reaffirmed, new DateOnly(2026, 2, 2)).ShouldNotBeNull();
        OverdueCommitments.Judge(reaffirmed, new DateOnly(2026, 1, 31)).ShouldBeNull();
    }

    [Fact]
    public void On_any_day_the_level_is_that_of_the_latest_assessment_recorded_among_those_that_occurred_by_then()
    {
        // Assessments reported late, out of the order they occurred in: the details keep the level by day, not every assessment.
        var random = new Random(20251231);
        for (var run = 0; run < 200; run++)
        {
            var told = Enumerable.Range(0, random.Next(1, 12))
                .Select(_ => (On: new DateOnly(2026, 1, 1).AddDays(random.Next(0, 20)), Level: random.Next(0, 4))).ToList();
            var commitment = Due(NewYearsEve, [.. told.Select(t => Dev(Assessed(t.Level, t.On)))]);

            commitment.Levels.Count.ShouldBeLessThanOrEqualTo(told.Count);
            for (var day = new DateOnly(2025, 12, 31); day <= new DateOnly(2026, 1, 22); day = day.AddDays(1))
            {
                var expected = told.Where(t => t.On <= day).Select(t => (int?)t.Level).LastOrDefault();
                commitment.LevelOn(day).ShouldBe(expected, $"on {day} after {string.Join(", ", told)}");
                var overdue = OverdueCommitments.Judge(commitment, day);
                if (day > NewYearsEve && expected is not 3) overdue!.Level.ShouldBe(expected);
                else overdue.ShouldBeNull();
            }
        }
    }

    private static CasualtyClaimDetails Claim(string source, string incident, string place, Occurrence period, int best) =>
        CasualtyClaimDetails.Fold(null, (GivenCasualties.SweidaToll() with
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
