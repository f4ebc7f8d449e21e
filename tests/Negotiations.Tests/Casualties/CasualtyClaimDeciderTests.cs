using Microsoft.AspNetCore.Mvc;
using Negotiations.Casualties;
using Negotiations.Kernel;
using Negotiations.Tests.Support;
using Wolverine.Http;

namespace Negotiations.Tests.Casualties;

/// <summary>Events in, state out; command and state in, events out. No database.</summary>
public class CasualtyClaimDeciderTests
{
    private static readonly Guid Id = Guid.Parse("0199a000-0000-7000-8000-000000000601");
    private static readonly Guid PublishedEvent = Guid.Parse("0199a000-0000-7000-8000-0000000006e1");

    private static CasualtyClaim Published() => CasualtyClaim.Fold(null, GivenCasualties.SweidaToll().Decide(Id).AsEvent(PublishedEvent))!;

    private static CasualtyClaim Then(CasualtyClaim state, object data, Guid? eventId = null) =>
        CasualtyClaim.Fold(state, data.AsEvent(eventId, state.Version + 1))!;

    private static ReviseCasualtyClaim Revise(CasualtyFigures figures, long version, IReadOnlyList<CasualtyBreakdown>? breakdown = null, string source = GivenCasualties.Observatory) =>
        new(source, figures, breakdown, "updated toll", GivenCasualties.FromObservatory(new DateOnly(2025, 9, 20)), version);

    private static string[] Invalid(ProblemDetails problems) => ((ValidationProblemDetails)problems).Errors.Keys.ToArray();

    [Fact]
    public void A_published_claim_keeps_its_source_place_period_and_figures()
    {
        var claim = Published();

        claim.Source.ShouldBe(GivenCasualties.Observatory);
        claim.Period.ShouldBe(GivenCasualties.SinceJuly);
        claim.Latest.Figures.ShouldBe(new CasualtyFigures(2000, 2000, null));
        claim.Latest.Breakdown.Single().ShouldBe(new CasualtyBreakdown("druze civilians allegedly executed", 789, true));
        claim.History.Count.ShouldBe(1);
        claim.Disputed.ShouldBeFalse();
        claim.Version.ShouldBe(1);
    }

    [Fact]
    public void Revisions_keep_the_history_and_a_missing_breakdown_carries_over()
    {
        var state = Published();
        var revision = Revise(new CasualtyFigures(2100, 2300, 2500), 1);

        state = Then(state, revision.Decide(state).Single());
        state = Then(state, new CasualtyClaimDisputed(Id, "Syrian interior ministry", "Counts combatants as civilians", Given.Reported()));

        state.History.Values().Select(c => c.Figures.Best).ShouldBe([2000, 2300]);
        state.Latest.Breakdown.Single().Count.ShouldBe(789);
        state.Latest.Note.ShouldBe("updated toll");
        state.Disputes.Values().Single().DisputedBy.ShouldBe("Syrian interior ministry");
        state.Disputed.ShouldBeTrue();

        Revise(new CasualtyFigures(2100, 2300, 2500), 3, []).Decide(state).Single().ShouldBeOfType<CasualtyClaimRevised>().Breakdown.ShouldBeEmpty();
    }

    [Fact]
    public void Retractions_and_corrections_take_back_exactly_the_named_development()
    {
        Guid revision = Guid.CreateVersion7(), dispute = Guid.CreateVersion7();
        var state = Then(Then(Published(),
            new CasualtyClaimRevised(Id, new CasualtyFigures(null, 3000, null), [], null, Given.Reported()), revision),
            new CasualtyClaimDisputed(Id, "Syrian interior ministry", "Inflated", Given.Reported()), dispute);

        Then(state, new DevelopmentRetracted(revision, "casualty_claim_revised", "misquoted")).Latest.Figures.Best.ShouldBe(2000);
        Then(state, new DevelopmentCorrected(dispute, "casualty_claim_disputed", "other reason")).Disputed.ShouldBeFalse();
        Then(state, new DevelopmentRetracted(PublishedEvent, "casualty_claim_published", "not a claim")).Retracted.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null, 10, null, new string[0])]
    [InlineData(0, 0, 0, new string[0])]
    [InlineData(5, 10, 20, new string[0])]
    [InlineData(null, null, 20, new[] { "figures.best" })]
    [InlineData(11, 10, null, new[] { "figures.low" })]
    [InlineData(null, 10, 9, new[] { "figures.high" })]
    [InlineData(-1, 10, null, new[] { "figures.low" })]
    [InlineData(null, -3, null, new[] { "figures.best" })]
    public void Figures_are_at_least_zero_with_low_at_most_best_at_most_high(int? low, int? best, int? high, string[] invalid)
    {
        var problems = (GivenCasualties.SweidaToll() with { Figures = new CasualtyFigures(low, best, high), Breakdown = [] }).Validate();

        if (invalid.Length == 0) problems.ShouldBeSameAs(WolverineContinue.NoProblems);
        else Invalid(problems).ShouldBe(invalid);
    }

    [Fact]
    public void Validation_names_every_bad_field()
    {
        var command = GivenCasualties.SweidaToll() with
        {
            Source = "",
            Place = " ",
            Period = new Occurrence(new DateOnly(2025, 9, 1), DatePrecision.Range, new DateOnly(2025, 7, 1)),
            Figures = new CasualtyFigures(null, 100, 200),
            Breakdown = [new CasualtyBreakdown("executed", 300), new CasualtyBreakdown(" Executed", -1), new CasualtyBreakdown("", 1)],
            UnderstandingIds = [Guid.Empty]
        };

        Invalid(command.Validate()).ShouldBe(
            ["source", "place", "period.to", "breakdown[0].count", "breakdown[1].count", "breakdown[2].category", "breakdown", "understandingIds[0]"],
            ignoreOrder: true);
    }

    [Fact]
    public void Only_the_claims_own_source_revises_it_and_another_source_disputes_it()
    {
        var claim = Published();

        var foreign = Revise(new CasualtyFigures(null, 1200, null), 1, source: "Syrian interior ministry").Allowed(claim);
        foreign.Status.ShouldBe(422);
        foreign.Detail!.ShouldContain("claim of their own");
        Revise(new CasualtyFigures(null, 1200, null), 1, source: " syrian observatory for human rights ").Allowed(claim).ShouldBeSameAs(WolverineContinue.NoProblems);

        new DisputeCasualtyClaim(GivenCasualties.Observatory, "x", Given.Reported(), 1).Allowed(claim).Status.ShouldBe(422);
        new DisputeCasualtyClaim("Syrian interior ministry", "x", Given.Reported(), 1).Allowed(claim).ShouldBeSameAs(WolverineContinue.NoProblems);
        new DisputeCasualtyClaim("Syrian interior ministry", "x", Given.Reported(), 0).Allowed(claim).Status.ShouldBe(409);
    }

    [Fact]
    public void Commands_that_are_already_satisfied_decide_nothing()
    {
        var state = Then(Published(), new CasualtyClaimDisputed(Id, "Syrian interior ministry", "Inflated", Given.Reported()));

        Revise(new CasualtyFigures(2000, 2000, null), 2).Decide(state).ShouldBeEmpty();
        Revise(new CasualtyFigures(2000, 2000, null), 2, [new CasualtyBreakdown(" druze civilians allegedly executed ", 789, true)]).Decide(state).ShouldBeEmpty();
        new DisputeCasualtyClaim("syrian interior ministry", "Inflated ", Given.Reported(), 2).Decide(state).ShouldBeEmpty();
        new DisputeCasualtyClaim("Syrian interior ministry", "Counts combatants", Given.Reported(), 2).Decide(state).ShouldHaveSingleItem();
    }
}
