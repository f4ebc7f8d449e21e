using Negotiations.Commitments;
using Negotiations.Corrections;
using Negotiations.Tests.Support;
using Wolverine.Http;

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

    [Fact]
    public void A_commitment_is_made_in_force_unassessed_and_without_steps()
    {
        var commitment = Commitment.Fold(null, (GivenCommitments.JusticeForVictims(Roadmap) with { Text = "  Justice  ", Backers = [" United States "] })
            .Decide(Id).AsEvent())!;

        commitment.Id.ShouldBe(Id);
        commitment.UnderstandingId.ShouldBe(Roadmap);
        commitment.Text.ShouldBe("Justice");
        commitment.Category.ShouldBe(CommitmentCategory.JusticeForVictims);
        commitment.Backers.ShouldBe(["United States"]);
        commitment.Deadline.ShouldBeNull();
        commitment.Standing.ShouldBe(CommitmentStanding.InForce);
        commitment.Assessment.ShouldBeNull();
        commitment.Steps.ShouldBeEmpty();
        commitment.Version.ShouldBe(1);
    }

    [Fact]
    public void The_fold_reads_like_a_timeline_and_keeps_the_latest_assessment()
    {
        var state = Made();
        state = Then(state, new CommitmentDeadlineChanged(Id, new DateOnly(2025, 12, 31), "set by the roadmap", Given.Reported()));
        state = Then(state, new ImplementationStepReported(Id, "Syrian government", "Investigative committee formed", Given.Reported()));
        state = Then(state, new ImplementationAssessed(Id, 1, "Committee formed, no trials", [Evidence], Given.Reported()));
        state = Then(state, new ImplementationAssessed(Id, 2, "First trials opened", [Evidence], Given.Reported()));
        state = Then(state, new CommitmentBreached(Id, "Security forces", "Detainees executed", Given.Reported()));

        state.Deadline.ShouldBe(new DateOnly(2025, 12, 31));
        state.Steps.Values().Single().Description.ShouldBe("Investigative committee formed");
        state.Assessment!.Level.ShouldBe(2);
        state.Assessment.Meaning.ShouldBe(ImplementationLevel.Intermediate);
        state.Breaches.Values().Single().Party.ShouldBe("Security forces");
        state.Standing.ShouldBe(CommitmentStanding.InForce);
        state.Version.ShouldBe(6);
    }

    [Fact]
    public void Retractions_and_corrections_take_back_exactly_the_named_development()
    {
        Guid deadline = Guid.CreateVersion7(), step = Guid.CreateVersion7(), first = Guid.CreateVersion7(), second = Guid.CreateVersion7(), reversal = Guid.CreateVersion7();
        var state = Made();
        state = Then(state, new CommitmentDeadlineChanged(Id, new DateOnly(2025, 12, 31), null, Given.Reported()), deadline);
        state = Then(state, new ImplementationStepReported(Id, "Syrian government", "Committee formed", Given.Reported()), step);
        state = Then(state, new ImplementationAssessed(Id, 1, "Committee only", [Evidence], Given.Reported()), first);
        state = Then(state, new ImplementationAssessed(Id, 3, "Misread", [Evidence], Given.Reported()), second);
        state = Then(state, new CommitmentReversed(Id, "Withdrawn", Given.Reported()), reversal);

        Then(state, new DevelopmentRetracted(second, "implementation_assessed", "wrong report")).Assessment!.Level.ShouldBe(1);
        Then(state, new DevelopmentCorrected(step, "implementation_step_reported", "wrong party")).Steps.ShouldBeEmpty();
        Then(state, new DevelopmentRetracted(deadline, "commitment_deadline_changed", "no")).Deadline.ShouldBeNull();
        Then(state, new DevelopmentRetracted(reversal, "commitment_reversed", "rumour")).Standing.ShouldBe(CommitmentStanding.InForce);
        Then(state, new DevelopmentRetracted(MadeEvent, "commitment_made", "never made")).Retracted.ShouldBeTrue();
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
    public void A_stale_version_is_a_conflict_before_any_domain_rule_and_a_retracted_commitment_refuses_everything()
    {
        var reversed = Reversed();
        var stale = Assess(3, reversed.Version - 1).Allowed(reversed);
        stale.Status.ShouldBe(409);

        var retracted = Then(Made(), new DevelopmentRetracted(MadeEvent, "commitment_made", "never made"));
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
