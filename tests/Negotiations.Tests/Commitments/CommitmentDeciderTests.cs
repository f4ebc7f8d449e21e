using System.Text.Json;
using Negotiations.Kernel;
using Negotiations.Commitments;
using Negotiations.Tests.Support;
using Wolverine.Http;
using IEvent = JasperFx.Events.IEvent;

namespace Negotiations.Tests.Commitments;

/// <summary>Events in, state out; command and state in, events out. No database.</summary>
public class CommitmentDeciderTests
{
    private static readonly Guid Id = Guid.Parse("0199a000-0000-7000-8000-000000000501");
    private static readonly Guid Roadmap = Guid.Parse("0199a000-0000-7000-8000-000000000003");
    private static readonly Guid MadeEvent = Guid.Parse("0199a000-0000-7000-8000-0000000005e1");
    private static readonly Guid Evidence = Guid.Parse("0199a000-0000-7000-8000-0000000005e9");

    private static Commitment Made() => Commitment.Fold(null, GivenCommitments.JusticeForVictims(Roadmap).Decide(Id).AsEvent(MadeEvent))!;

    private static Commitment Then(Commitment state, object data, Guid? eventId = null) =>
        Commitment.Fold(state, data.AsEvent(eventId, state.Version + 1))!;

    private static Commitment Apply(Commitment state, IEnumerable<object> decided) => decided.Aggregate(state, (s, e) => Then(s, e));

    private static AssessImplementation Assess(int level, long version, string rationale = "Trials opened") =>
        new(level, rationale, [Evidence], Given.Reported(), version);

    private static Commitment Reversed() => Then(Made(), new CommitmentReversed(Id, "Government withdrew the pledge", Given.Reported()));

    /// <summary>The events numbered in their stream, the first one the commitment being made.</summary>
    private static IEvent[] Stream(params object[] developments) =>
        [GivenCommitments.JusticeForVictims(Roadmap).Decide(Id).AsEvent(MadeEvent, 1), .. developments.Select((data, i) => data.AsEvent(version: i + 2))];

    private static CommitmentDetails Details(IReadOnlyList<IEvent> stream) => AsItStands.Fold<CommitmentDetails>(stream)!;

    [Fact]
    public void A_commitment_is_made_in_force_unassessed_and_without_steps()
    {
        var made = (GivenCommitments.JusticeForVictims(Roadmap) with { Text = "  Justice  ", Backers = [" United States "] }).Decide(Id).AsEvent(MadeEvent);

        var commitment = Commitment.Fold(null, made)!;

        commitment.Id.ShouldBe(Id);
        commitment.Deadline.ShouldBeNull();
        commitment.Standing.ShouldBe(CommitmentStanding.InForce);
        commitment.Assessment.ShouldBeNull();
        commitment.RecentSteps.ShouldBeEmpty();
        commitment.Version.ShouldBe(1);
        var details = CommitmentDetails.Fold(null, made)!;
        details.UnderstandingId.ShouldBe(Roadmap);
        details.Text.ShouldBe("Justice");
        details.Category.ShouldBe(CommitmentCategory.JusticeForVictims);
        details.Backers.ShouldBe(["United States"]);
        (details.Deadline, details.DeadlineSetBy, details.Standing, details.Assessment, details.StepCount).ShouldBe((null, MadeEvent, CommitmentStanding.InForce, null, 0));
    }

    [Fact]
    public void The_fold_reads_like_a_timeline_and_keeps_the_latest_assessment()
    {
        var stream = Stream(
            new CommitmentDeadlineChanged(Id, new DateOnly(2025, 12, 31), "set by the roadmap", Given.Reported()),
            new ImplementationStepReported(Id, "Syrian government", "Investigative committee formed", Given.Reported()),
            new ImplementationAssessed(Id, 1, "Committee formed, no trials", [Evidence], Given.Reported()),
            new ImplementationAssessed(Id, 2, "First trials opened", [Evidence], Given.Reported()),
            new CommitmentBreached(Id, "Security forces", "Detainees executed", Given.Reported()));

        var state = AsItStands.Fold<Commitment>(stream)!;
        state.Deadline.ShouldBe(new DateOnly(2025, 12, 31));
        state.RecentSteps.Single().Description.ShouldBe("Investigative committee formed");
        state.Assessment!.Level.ShouldBe(2);
        state.Assessment.Meaning.ShouldBe(ImplementationLevel.Intermediate);
        state.RecentBreaches.Single().Party.ShouldBe("Security forces");
        state.Standing.ShouldBe(CommitmentStanding.InForce);
        state.Version.ShouldBe(6);

        var details = Details(stream);
        (details.Deadline, details.DeadlineSetBy).ShouldBe((new DateOnly(2025, 12, 31), stream[1].Id));
        details.LatestSteps.Single().ShouldBe(new CommitmentStep(stream[2].Id, "Syrian government", "Investigative committee formed", Given.Reported().Occurred));
        (details.Assessment!.Level, details.AssessedBy, details.AssessmentCount).ShouldBe((2, stream[4].Id, 2));
        (details.LatestBreaches.Single().EventId, details.BreachCount).ShouldBe((stream[5].Id, 1));
        details.Version.ShouldBe(6);
    }

    [Fact]
    public void Retractions_and_corrections_take_back_exactly_the_named_development()
    {
        var stream = Stream(
            new CommitmentDeadlineChanged(Id, new DateOnly(2025, 12, 31), null, Given.Reported()),
            new ImplementationStepReported(Id, "Syrian government", "Committee formed", Given.Reported()),
            new ImplementationAssessed(Id, 1, "Committee only", [Evidence], Given.Reported()),
            new ImplementationAssessed(Id, 3, "Misread", [Evidence], Given.Reported()),
            new CommitmentReversed(Id, "Withdrawn", Given.Reported()));
        Guid deadline = stream[1].Id, step = stream[2].Id, second = stream[4].Id, reversal = stream[5].Id;
        Commitment Then(object marker, params object[] replacement) =>
            AsItStands.Fold<Commitment>([.. stream, .. new[] { marker }.Concat(replacement).Select((data, i) => data.AsEvent(version: 7 + i))])!;

        Then(new DevelopmentRetracted(second, "implementation_assessed", "wrong report")).Assessment!.Level.ShouldBe(1);
        Then(new DevelopmentCorrected(step, "implementation_step_reported", "wrong party"),
            new ImplementationStepReported(Id, "Jordan", "Committee formed", Given.Reported())).RecentSteps.Single().Party.ShouldBe("Jordan");
        Then(new DevelopmentRetracted(step, "implementation_step_reported", "no")).RecentSteps.ShouldBeEmpty();
        Then(new DevelopmentRetracted(deadline, "commitment_deadline_changed", "no")).Deadline.ShouldBeNull();
        Then(new DevelopmentRetracted(reversal, "commitment_reversed", "rumour")).Standing.ShouldBe(CommitmentStanding.InForce);
        var gone = Then(new DevelopmentRetracted(MadeEvent, "commitment_made", "never made"));
        gone.Retracted.ShouldBeTrue();
        gone.Version.ShouldBe(7);
    }

    [Fact]
    public void The_details_after_a_correction_and_a_retraction_are_those_of_the_stream_as_it_stands()
    {
        var stream = Stream(
            new ImplementationStepReported(Id, "Syrian government", "Committee formed", Given.Reported(new DateOnly(2025, 9, 20))),
            new ImplementationAssessed(Id, 1, "Committee only", [Evidence], Given.Reported(new DateOnly(2025, 9, 21))),
            new CommitmentReversed(Id, "Withdrawn", Given.Reported(new DateOnly(2025, 10, 1))),
            new ImplementationAssessed(Id, 0, "Nothing left", [Evidence], Given.Reported(new DateOnly(2025, 10, 2))));
        IEvent[] takenBack =
        [
            .. stream,
            new DevelopmentCorrected(stream[2].Id, "implementation_assessed", "trials had opened").AsEvent(version: 6),
            new ImplementationAssessed(Id, 2, "Trials opened", [Evidence], Given.Reported(new DateOnly(2025, 9, 21))).AsEvent(version: 7),
            new DevelopmentRetracted(stream[3].Id, "commitment_reversed", "rumour").AsEvent(version: 8)
        ];

        var details = Details(takenBack);

        (details.Standing, details.StandingReason, details.StandingSetBy).ShouldBe((CommitmentStanding.InForce, null, null));
        details.Standings.ShouldBeEmpty();
        // The correction stands where the corrected assessment stood: the later one still comes after it.
        (details.Assessment!.Level, details.AssessedBy, details.AssessmentCount).ShouldBe((0, stream[4].Id, 2));
        details.Levels.ShouldBe([new Since<int>(new DateOnly(2025, 9, 21), 2), new Since<int>(new DateOnly(2025, 10, 2), 0)]);
        (details.StepCount, details.Retracted, details.Version).ShouldBe((1, false, 8L));
        AsItStands.Fold<Commitment>(takenBack)!.Assessment!.Level.ShouldBe(0);

        var retracted = Details([.. takenBack, new DevelopmentRetracted(MadeEvent, "commitment_made", "never made").AsEvent(version: 9)]);
        (retracted.Retracted, retracted.Version).ShouldBe((true, 9L));
    }

    [Fact]
    public void The_write_model_stays_the_same_size_however_many_developments_the_commitment_had()
    {
        object Development(int i) => (i % 4) switch
        {
            0 => new CommitmentDeadlineChanged(Id, new DateOnly(2026, 1, 1).AddDays(i), $"extended, {i:D3}", Given.Reported()),
            1 => new ImplementationStepReported(Id, "Syrian government", $"Step {i:D3}", Given.Reported(new DateOnly(2025, 10, 1).AddDays(i))),
            2 => new ImplementationAssessed(Id, 2, $"Assessed, {i:D3}", [Evidence], Given.Reported(new DateOnly(2025, 10, 1).AddDays(i))),
            _ => new CommitmentBreached(Id, "Security forces", $"Breach {i:D3}", Given.Reported(new DateOnly(2025, 10, 1).AddDays(i)))
        };
        // Measured at one version, the version's own digits aside. Once the latest steps and breaches a resend is checked
        // against fill their window (4 kinds of development), twice as many developments (counted in two digits still) change no size.
        int Size<T>(int developments) where T : class, IStreamModel<T> =>
            JsonSerializer.Serialize(AsItStands.Fold<T>(Stream([.. Enumerable.Range(0, developments).Select(Development)]))!.At(1), Api.Json).Length;

        Size<Commitment>(4 * Commitment.Recent).ShouldBe(Size<Commitment>(396));
        Size<CommitmentDetails>(4 * Commitment.Recent).ShouldBe(Size<CommitmentDetails>(396));
        AsItStands.Fold<Commitment>(Stream([.. Enumerable.Range(0, 396).Select(Development)]))!.RecentSteps.Count.ShouldBe(Commitment.Recent);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void A_level_outside_the_0_to_3_scale_is_invalid(int level)
    {
        var problems = (Microsoft.AspNetCore.Mvc.ValidationProblemDetails)Assess(level, 1).Validate();

        problems.Errors.Keys.ShouldBe(["level"]);
    }

    [Fact]
    public void An_assessment_must_cite_at_least_one_event()
    {
        var problems = (Microsoft.AspNetCore.Mvc.ValidationProblemDetails)(Assess(2, 1) with { Evidence = [], Rationale = " " }).Validate();

        problems.Errors.Keys.ShouldBe(["rationale", "evidence"], ignoreOrder: true);
    }

    [Fact]
    public void A_reversed_commitment_takes_no_steps_and_no_full_assessment_until_reaffirmed()
    {
        var reversed = Reversed();

        var step = new ReportImplementationStep("Syrian government", "Trials held", Given.Reported(), reversed.Version).Allowed(reversed);
        step.Status.ShouldBe(422);
        step.Detail!.ShouldContain("reaffirmed");
        Assess(3, reversed.Version).Allowed(reversed).Status.ShouldBe(422);
        Assess(2, reversed.Version).Allowed(reversed).ShouldBeSameAs(WolverineContinue.NoProblems);

        var reaffirmed = Apply(reversed, new ReaffirmCommitment("Recommitted in Amman", Given.Reported(), reversed.Version).Decide(reversed));
        reaffirmed.Standing.ShouldBe(CommitmentStanding.InForce);
        Assess(3, reaffirmed.Version).Allowed(reaffirmed).ShouldBeSameAs(WolverineContinue.NoProblems);
        new ReportImplementationStep("Syrian government", "Trials held", Given.Reported(), reaffirmed.Version).Allowed(reaffirmed)
            .ShouldBeSameAs(WolverineContinue.NoProblems);
    }

    [Fact]
    public void Commands_that_are_already_satisfied_decide_nothing()
    {
        var state = Made();
        state = Apply(state, new ChangeCommitmentDeadline(new DateOnly(2025, 12, 31), null, Given.Reported(), 1).Decide(state));
        state = Apply(state, new ReportImplementationStep("Syrian government", "Committee formed", Given.Reported(), 2).Decide(state));
        state = Apply(state, Assess(1, 3).Decide(state));
        state = Apply(state, new ReportCommitmentBreach("Security forces", "Executions", Given.Reported(), 4).Decide(state));
        state.Version.ShouldBe(5);

        new ChangeCommitmentDeadline(new DateOnly(2025, 12, 31), "again", Given.Reported(), 5).Decide(state).ShouldBeEmpty();
        new ReportImplementationStep(" Syrian government ", "Committee formed ", Given.Reported(), 5).Decide(state).ShouldBeEmpty();
        Assess(1, 5, " Trials opened ").Decide(state).ShouldBeEmpty();
        new ReportCommitmentBreach("security forces", "Executions", Given.Reported(), 5).Decide(state).ShouldBeEmpty();
        new ReaffirmCommitment(null, Given.Reported(), 5).Decide(state).ShouldBeEmpty();
        var reversed = Reversed();
        new ReverseCommitment("again", Given.Reported(), reversed.Version).Decide(reversed).ShouldBeEmpty();

        var decided = Assess(2, 5).Decide(state).Single().ShouldBeOfType<ImplementationAssessed>();
        (decided.Level, decided.Rationale, decided.Evidence.Single()).ShouldBe((2, "Trials opened", Evidence));
    }

    [Fact]
    public void A_step_or_breach_is_checked_against_the_latest_ones_only()
    {
        var step = new ReportImplementationStep("Syrian government", "Committee formed", Given.Reported(), 2);
        var breach = new ReportCommitmentBreach("Security forces", "Executions", Given.Reported(), 2);
        var state = Apply(Made(), [.. step.Decide(Made()), .. breach.Decide(Made())]);
        step.Decide(state).ShouldBeEmpty();
        breach.Decide(state).ShouldBeEmpty();

        for (var i = 0; i < Commitment.Recent; i++)
            state = Apply(state, [new ImplementationStepReported(Id, "Jordan", $"Patrol {i}", Given.Reported()), new CommitmentBreached(Id, "Militias", $"Raid {i}", Given.Reported())]);

        state.RecentSteps.Count.ShouldBe(Commitment.Recent);
        step.Decide(state).ShouldHaveSingleItem();
        breach.Decide(state).ShouldHaveSingleItem();
        new ReportImplementationStep("Jordan", $"Patrol {Commitment.Recent - 1}", Given.Reported(), 2).Decide(state).ShouldBeEmpty();
    }

    [Fact]
    public void A_stale_version_is_a_conflict_before_any_domain_rule_and_a_retracted_commitment_refuses_everything()
    {
        var reversed = Reversed();
        var stale = Assess(3, reversed.Version - 1).Allowed(reversed);
        stale.Status.ShouldBe(409);

        var retracted = AsItStands.Fold<Commitment>(Stream(new DevelopmentRetracted(MadeEvent, "commitment_made", "never made")))!;
        new ReverseCommitment("x", Given.Reported(), retracted.Version).Allowed(retracted).Detail!.ShouldContain("retracted");
    }

    [Fact]
    public void Validation_names_every_bad_field_of_a_new_commitment()
    {
        var command = GivenCommitments.JusticeForVictims(Guid.Empty) with
        {
            Text = "",
            Category = (CommitmentCategory)42,
            ResponsibleParty = " ",
            Backers = ["Jordan", " jordan", ""],
            Provenance = Given.Reported() with { Sources = [] }
        };

        var problems = (Microsoft.AspNetCore.Mvc.ValidationProblemDetails)command.Validate();

        problems.Errors.Keys.ShouldBe(["understandingId", "text", "category", "responsibleParty", "backers[2]", "backers", "provenance.sources"], ignoreOrder: true);
    }
}
