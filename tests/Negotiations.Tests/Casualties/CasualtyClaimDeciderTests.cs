using Microsoft.AspNetCore.Mvc;
using Negotiations.Casualties;
using Negotiations.Kernel;
using Negotiations.Tests.Support;
using Wolverine.Http;
using IEvent = JasperFx.Events.IEvent;

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

    /// <summary>The events numbered in their stream, the first one the claim's publication.</summary>
    private static IEvent[] Stream(params object[] developments) =>
        [GivenCasualties.SweidaToll().Decide(Id).AsEvent(PublishedEvent, 1), .. developments.Select((data, i) => data.AsEvent(version: i + 2))];

    private static string[] Invalid(ProblemDetails problems) => ((ValidationProblemDetails)problems).Errors.Keys.ToArray();

    [Fact]
    public void A_published_claim_keeps_its_source_and_figures_and_its_details_what_it_is_about()
    {
        var claim = Published();

        claim.Source.ShouldBe(GivenCasualties.Observatory);
        claim.PublishedBy.ShouldBe(PublishedEvent);
        claim.Figures.ShouldBe(new CasualtyFigures(2000, 2000, null));
        claim.Breakdown.Single().ShouldBe(new CasualtyBreakdown("druze civilians allegedly executed", 789, true));
        claim.RecentDisputes.ShouldBeEmpty();
        claim.Version.ShouldBe(1);

        var details = AsItStands.Fold<CasualtyClaimDetails>(Stream())!;
        details.Period.ShouldBe(GivenCasualties.SinceJuly);
        details.Published.EventId.ShouldBe(PublishedEvent);
        details.Latest.ShouldBeSameAs(details.Published);
        (details.Revisions.Count, details.RevisionCount, details.Disputed).ShouldBe((0, 0, false));
    }

    [Fact]
    public void Revisions_keep_the_latest_figures_and_a_missing_breakdown_carries_over()
    {
        var state = Published();
        var revision = Revise(new CasualtyFigures(2100, 2300, 2500), 1);

        var revised = revision.Decide(state).Single();
        state = Then(state, revised);
        var disputed = new CasualtyClaimDisputed(Id, "Syrian interior ministry", "Counts combatants as civilians", Given.Reported());
        state = Then(state, disputed);

        state.Figures.Best.ShouldBe(2300);
        state.Breakdown.Single().Count.ShouldBe(789);
        state.RecentDisputes.Single().ShouldBe(new DisputeKey("Syrian interior ministry", "Counts combatants as civilians"));
        Revise(new CasualtyFigures(2100, 2300, 2500), 3, []).Decide(state).Single().ShouldBeOfType<CasualtyClaimRevised>().Breakdown.ShouldBeEmpty();

        var stream = Stream(revised, disputed);
        var details = AsItStands.Fold<CasualtyClaimDetails>(stream)!;
        details.Revisions.Prepend(details.Published).Select(c => c.Figures.Best).ShouldBe([2000, 2300]);
        details.Latest.EventId.ShouldBe(stream[1].Id);
        details.Latest.Breakdown.Single().Count.ShouldBe(789);
        details.Latest.Note.ShouldBe("updated toll");
        details.Disputes.Single().ShouldBe(new CasualtyDispute(stream[2].Id, "Syrian interior ministry", "Counts combatants as civilians", disputed.Provenance.Occurred));
        (details.Disputed, details.DisputeCount, details.Version).ShouldBe((true, 1, 3L));
    }

    [Fact]
    public void The_details_keep_the_latest_revisions_and_disputes_and_count_them_all()
    {
        var many = Enumerable.Range(1, CasualtyClaimDetails.Kept + 5).SelectMany(i => new object[]
        {
            new CasualtyClaimRevised(Id, new CasualtyFigures(null, 2000 + i, null), [], null, Given.Reported()),
            new CasualtyClaimDisputed(Id, $"Source {i}", "Inflated", Given.Reported())
        }).ToArray();

        var details = AsItStands.Fold<CasualtyClaimDetails>(Stream(many))!;
        (details.RevisionCount, details.DisputeCount).ShouldBe((CasualtyClaimDetails.Kept + 5, CasualtyClaimDetails.Kept + 5));
        details.Revisions.Select(r => r.Figures.Best).ShouldBe(Enumerable.Range(6, CasualtyClaimDetails.Kept).Select(i => (int?)(2000 + i)));
        details.Disputes.Count.ShouldBe(CasualtyClaimDetails.Kept);
        details.Published.Figures.Best.ShouldBe(2000);
        AsItStands.Fold<CasualtyClaim>(Stream(many))!.RecentDisputes.Count.ShouldBe(CasualtyClaimDetails.Kept + 5);
    }

    [Fact]
    public void Retractions_and_corrections_take_back_exactly_the_named_development_in_the_stream_as_it_stands()
    {
        var stream = Stream(
            new CasualtyClaimRevised(Id, new CasualtyFigures(null, 3000, null), [], null, Given.Reported()),
            new CasualtyClaimDisputed(Id, "Syrian interior ministry", "Inflated", Given.Reported()),
            new CasualtyClaimRevised(Id, new CasualtyFigures(null, 3500, null), [], null, Given.Reported()));
        IEvent[] Then(params object[] data) => [.. stream, .. data.Select((d, i) => d.AsEvent(version: stream.Length + i + 1))];

        var unrevised = Then(new DevelopmentRetracted(stream[3].Id, "casualty_claim_revised", "misquoted"));
        AsItStands.Fold<CasualtyClaim>(unrevised)!.Figures.Best.ShouldBe(3000);
        var details = AsItStands.Fold<CasualtyClaimDetails>(unrevised)!;
        (details.Latest.Figures.Best, details.Latest.EventId, details.RevisionCount, details.Version).ShouldBe((3000, stream[1].Id, 1, 5L));

        // A corrected revision keeps its place: the later one still stands.
        var corrected = Then(new DevelopmentCorrected(stream[1].Id, "casualty_claim_revised", "misread"),
            new CasualtyClaimRevised(Id, new CasualtyFigures(null, 3100, null), [], "corrected", Given.Reported()));
        details = AsItStands.Fold<CasualtyClaimDetails>(corrected)!;
        details.Revisions.Select(r => (r.EventId, r.Figures.Best)).ShouldBe([(corrected[^1].Id, (int?)3100), (stream[3].Id, 3500)]);
        AsItStands.Fold<CasualtyClaim>(corrected)!.Figures.Best.ShouldBe(3500);

        var undisputed = Then(new DevelopmentRetracted(stream[2].Id, "casualty_claim_disputed", "not said"));
        AsItStands.Fold<CasualtyClaimDetails>(undisputed)!.Disputed.ShouldBeFalse();
        AsItStands.Fold<CasualtyClaim>(undisputed)!.DisputedBefore("Syrian interior ministry", "Inflated").ShouldBeFalse();

        var gone = Then(new DevelopmentRetracted(PublishedEvent, "casualty_claim_published", "not a claim"));
        AsItStands.Fold<CasualtyClaim>(gone)!.Retracted.ShouldBeTrue();
        AsItStands.Fold<CasualtyClaimDetails>(gone)!.Retracted.ShouldBeTrue();
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
    public void A_claim_names_at_most_as_many_understandings_as_any_development()
    {
        var linked = GivenCasualties.SweidaToll() with { UnderstandingIds = Enumerable.Range(0, IdLists.Max + 1).Select(_ => Guid.CreateVersion7()).ToList() };

        var problems = (ValidationProblemDetails)linked.Validate();

        problems.Errors.Keys.ShouldBe(["understandingIds"]);
        problems.Errors["understandingIds"].ShouldBe([$"At most {IdLists.Max} understandings."]);
        GivenCasualties.SweidaToll().Validate().ShouldBeSameAs(WolverineContinue.NoProblems);
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
