using IEvent = JasperFx.Events.IEvent;
using Negotiations.Tests.Support;
using Negotiations.Understandings;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Tests.Understandings;

/// <summary>Events in, state out; command and state in, events out. No database.</summary>
public class UnderstandingDeciderTests
{
    private static readonly Guid Id = Guid.Parse("0199a000-0000-7000-8000-000000000001");

    private static readonly Guid ProposalEvent = Guid.Parse("0199a000-0000-7000-8000-0000000000e1");

    private static Understanding Proposed() => Understanding.Fold(null, Given.DemilitarisedZone().Decide(Id).AsEvent(ProposalEvent))!;

    private static Understanding Then(Understanding state, object data, Guid? eventId = null) =>
        Understanding.Fold(state, data.AsEvent(eventId, state.Version + 1))!;

    private static Understanding In(Lifecycle status) => Proposed() with { Status = status };

    [Fact]
    public void A_proposal_starts_an_understanding_in_the_proposed_status()
    {
        var proposed = Given.DemilitarisedZone() with { Title = "  Southern zone  " };

        var proposal = proposed.Decide(Id).AsEvent(ProposalEvent);
        var understanding = Understanding.Fold(null, proposal)!;

        understanding.Id.ShouldBe(Id);
        understanding.Stage.ShouldBe(PaxStage.PreNegotiation);
        understanding.Status.ShouldBe(Lifecycle.Proposed);
        understanding.ProposedBy.ShouldBe(ProposalEvent);
        understanding.Version.ShouldBe(1);
        var details = UnderstandingDetails.Fold(null, proposal)!;
        details.Title.ShouldBe("Southern zone");
        details.Kind.ShouldBe(UnderstandingKind.DemilitarisedZone);
        details.Parties.Select(p => p.Role).ShouldBe([PartyRole.Party, PartyRole.Party, PartyRole.Mediator]);
        SameAsTheWriteModel(details, understanding);
    }

    [Fact]
    public void The_details_follow_a_correction_and_a_retraction_of_the_proposal_as_the_write_model_does()
    {
        Guid staged = Guid.CreateVersion7();
        IEvent[] stream =
        [
            Given.DemilitarisedZone().Decide(Id).AsEvent(ProposalEvent, 1),
            new UnderstandingLifecycleChanged(Id, Lifecycle.UnderNegotiation, null, Given.Reported()).AsEvent(version: 2),
            new UnderstandingStageChanged(Id, PaxStage.Ceasefire, Given.Reported()).AsEvent(staged, 3)
        ];
        IEvent[] corrected =
        [
            .. stream, new DevelopmentCorrected(staged, "understanding_stage_changed", "a framework").AsEvent(version: 4),
            new UnderstandingStageChanged(Id, PaxStage.FrameworkPartial, Given.Reported()).AsEvent(version: 5)
        ];

        var details = AsItStands.Fold<UnderstandingDetails>(corrected)!;
        details.Title.ShouldBe("Southern Syria demilitarised zone");
        (details.Stage, details.Status, details.Retracted, details.Version).ShouldBe((PaxStage.FrameworkPartial, Lifecycle.UnderNegotiation, false, 5L));
        SameAsTheWriteModel(details, Refold(corrected));

        IEvent[] retracted = [.. corrected, new DevelopmentRetracted(ProposalEvent, "understanding_proposed", "never proposed").AsEvent(version: 6)];
        var gone = AsItStands.Fold<UnderstandingDetails>(retracted)!;
        (gone.Retracted, gone.Version, gone.Title).ShouldBe((true, 6L, details.Title));
        SameAsTheWriteModel(gone, Refold(retracted));
        UnderstandingDetails.Fold(null, new DevelopmentRetracted(Guid.NewGuid(), "x", "y").AsEvent()).ShouldBeNull();
    }

    private static void SameAsTheWriteModel(UnderstandingDetails details, Understanding understanding) =>
        (details.Id, details.Stage, details.Status, details.ProposedBy, details.Retracted, details.Version)
            .ShouldBe((understanding.Id, understanding.Stage, understanding.Status, understanding.ProposedBy, understanding.Retracted, understanding.Version));

    [Fact]
    public void The_fold_follows_stage_and_lifecycle_changes_in_order()
    {
        var state = Proposed();
        state = Then(state, new UnderstandingStageChanged(Id, PaxStage.FrameworkPartial, Given.Reported()));
        state = Then(state, new UnderstandingLifecycleChanged(Id, Lifecycle.UnderNegotiation, null, Given.Reported()));
        state = Then(state, new UnderstandingLifecycleChanged(Id, Lifecycle.Agreed, "signed", Given.Reported()));

        state.Stage.ShouldBe(PaxStage.FrameworkPartial);
        state.Status.ShouldBe(Lifecycle.Agreed);
    }

    [Fact]
    public void A_retracted_or_corrected_change_falls_back_to_the_one_before()
    {
        Guid negotiating = Guid.CreateVersion7(), agreed = Guid.CreateVersion7();
        IEvent[] stream =
        [
            Given.DemilitarisedZone().Decide(Id).AsEvent(ProposalEvent, 1),
            new UnderstandingLifecycleChanged(Id, Lifecycle.UnderNegotiation, null, Given.Reported()).AsEvent(negotiating, 2),
            new UnderstandingLifecycleChanged(Id, Lifecycle.Agreed, "signed", Given.Reported()).AsEvent(agreed, 3)
        ];

        Refold([.. stream, new DevelopmentRetracted(agreed, "understanding_lifecycle_changed", "no signature").AsEvent(version: 4)])
            .Status.ShouldBe(Lifecycle.UnderNegotiation);
        var corrected = Refold([.. stream, new DevelopmentCorrected(negotiating, "understanding_lifecycle_changed", "wrong").AsEvent(version: 4),
            new UnderstandingLifecycleChanged(Id, Lifecycle.UnderNegotiation, "mediation", Given.Reported()).AsEvent(version: 5)]);
        corrected.Status.ShouldBe(Lifecycle.Agreed);
        corrected.Version.ShouldBe(5);
        var retracted = Refold([.. stream, new DevelopmentRetracted(ProposalEvent, "understanding_proposed", "never proposed").AsEvent(version: 4)]);
        retracted.Retracted.ShouldBeTrue();
        retracted.Version.ShouldBe(4);
    }

    private static Understanding Refold(IReadOnlyList<IEvent> stream) => AsItStands.Fold<Understanding>(stream)!;

    [Theory]
    [InlineData(Lifecycle.Proposed, Lifecycle.UnderNegotiation, true)]
    [InlineData(Lifecycle.UnderNegotiation, Lifecycle.Agreed, true)]
    [InlineData(Lifecycle.Agreed, Lifecycle.InImplementation, true)]
    [InlineData(Lifecycle.InImplementation, Lifecycle.Fulfilled, true)]
    [InlineData(Lifecycle.Suspended, Lifecycle.InImplementation, true)]
    [InlineData(Lifecycle.Collapsed, Lifecycle.UnderNegotiation, true)]
    [InlineData(Lifecycle.Proposed, Lifecycle.Fulfilled, false)]
    [InlineData(Lifecycle.UnderNegotiation, Lifecycle.InImplementation, false)]
    [InlineData(Lifecycle.Fulfilled, Lifecycle.Suspended, false)]
    [InlineData(Lifecycle.Superseded, Lifecycle.Agreed, false)]
    [InlineData(Lifecycle.Collapsed, Lifecycle.Agreed, false)]
    public void Lifecycle_moves_that_make_sense_are_allowed_and_others_refused(Lifecycle from, Lifecycle to, bool allowed)
    {
        var state = In(from);
        var command = new ChangeLifecycle(to, null, Given.Reported(), state.Version);

        var verdict = command.Allowed(state);

        if (allowed)
        {
            verdict.ShouldBeSameAs(WolverineContinue.NoProblems);
            command.Decide(state).ShouldBe([new UnderstandingLifecycleChanged(Id, to, null, command.Provenance)]);
        }
        else
        {
            verdict.Status.ShouldBe(422);
            verdict.Detail!.ShouldContain($"cannot become {to.Word()}");
        }
    }

    [Fact]
    public void A_change_to_the_status_it_already_has_decides_nothing()
    {
        var state = Proposed();
        new ChangeLifecycle(Lifecycle.Proposed, null, Given.Reported(), 1).Decide(state).ShouldBeEmpty();
        new ChangeStage(PaxStage.PreNegotiation, Given.Reported(), 1).Decide(state).ShouldBeEmpty();
    }

    [Fact]
    public void A_stale_version_is_a_conflict_before_any_domain_rule()
    {
        var state = In(Lifecycle.Proposed) with { Version = 3 };

        var verdict = new ChangeLifecycle(Lifecycle.Fulfilled, null, Given.Reported(), 2).Allowed(state);

        verdict.Status.ShouldBe(409);
        verdict.Detail!.ShouldContain("version 2");
    }

    [Fact]
    public void Validation_names_every_bad_field()
    {
        var command = Given.DemilitarisedZone() with
        {
            Title = "",
            Parties = [new Party("Syria", PartyRole.Party), new Party(" syria ", PartyRole.Mediator), new Party("", (PartyRole)42)],
            Provenance = Given.Reported() with { Sources = [] }
        };

        var problems = (Microsoft.AspNetCore.Mvc.ValidationProblemDetails)command.Validate();

        problems.Errors.Keys.ShouldBe(["title", "parties[2].name", "parties[2].role", "parties", "provenance.sources"], ignoreOrder: true);
    }
}
