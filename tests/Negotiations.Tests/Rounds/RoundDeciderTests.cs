using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Rounds;
using Negotiations.Kernel;
using Negotiations.Tests.Support;
using Wolverine.Http;
using IEvent = JasperFx.Events.IEvent;

namespace Negotiations.Tests.Rounds;

/// <summary>Events in, state out; command and state in, events out. No database.</summary>
public class RoundDeciderTests
{
    private static readonly Guid Id = Guid.Parse("0199b000-0000-7000-8000-000000000101");
    private static readonly Guid Understanding = Guid.Parse("01990000-0000-7000-8000-000000000001");
    private static readonly Guid ScheduleEvent = Guid.Parse("0199b000-0000-7000-8000-0000000000e1");
    private static readonly Occurrence Sept25 = Occurrence.On(new DateOnly(2025, 9, 25));

    private static Round Scheduled() => Round.Fold(null, GivenRounds.InBaku([Understanding]).Decide(Id).AsEvent(ScheduleEvent))!;

    private static Round Then(Round state, object data, Guid? eventId = null) => Round.Fold(state, data.AsEvent(eventId, state.Version + 1))!;

    private static Round Apply(Round state, IEnumerable<object> events) => events.Aggregate(state, (s, e) => Then(s, e));

    private static Round HeldRound() => Then(Scheduled(), new RoundHeld(Id, "Concluded", ["Zone of 10 km"], GivenRounds.Diplomats()));

    private static Round CancelledRound() => Then(Scheduled(), new RoundCancelled(Id, "Called off", GivenRounds.Diplomats()));

    private static Round PostponedRound() => Then(Scheduled(), new RoundPostponed(Id, "Delegation delayed", null, GivenRounds.Diplomats()));

    /// <summary>The events numbered in their stream, the first one the round's schedule.</summary>
    private static IEvent[] Stream(params object[] developments) =>
        [GivenRounds.InBaku([Understanding]).Decide(Id).AsEvent(ScheduleEvent, 1), .. developments.Select((data, i) => data.AsEvent(version: i + 2))];

    private static RoundDetails Details(IReadOnlyList<IEvent> stream) => AsItStands.Fold<RoundDetails>(stream)!;

    [Fact]
    public void Scheduling_starts_a_round_with_its_plan_participants_and_links()
    {
        var command = GivenRounds.InBaku([Understanding, Understanding]) with { Venue = "  Baku ", Participants = [" Syria", "Israel "] };
        var scheduled = command.Decide(Id).AsEvent(ScheduleEvent);

        var round = Round.Fold(null, scheduled)!;

        round.Id.ShouldBe(Id);
        round.Status.ShouldBe(RoundStatus.Scheduled);
        round.Venue.ShouldBe("Baku");
        round.PlannedFor.ShouldBe(GivenRounds.LaterThisWeek);
        round.Outcome.ShouldBeNull();
        round.Version.ShouldBe(1);
        var details = RoundDetails.Fold(null, scheduled)!;
        details.Participants.ShouldBe(["Syria", "Israel"]);
        details.Mediator.ShouldBe("United States");
        details.UnderstandingIds.ShouldBe([Understanding]);
        (details.Status, details.Venue, details.PlannedFor, details.StatusSetBy, details.Version)
            .ShouldBe((RoundStatus.Scheduled, "Baku", GivenRounds.LaterThisWeek, ScheduleEvent, 1L));
    }

    [Fact]
    public void A_round_reported_after_it_was_held_starts_held_with_its_outcome_and_no_venue()
    {
        var reported = GivenRounds.AlreadyMet().Decide(Id).AsEvent();

        var round = Round.Fold(null, reported)!;
        round.Status.ShouldBe(RoundStatus.Held);
        round.Venue.ShouldBeNull();
        round.PlannedFor.ShouldBeNull();
        round.Outcome!.HeldOn.ShouldBe(GivenRounds.WeeksBefore);
        round.Outcome.Agreed.ShouldBeEmpty();
        var details = RoundDetails.Fold(null, reported)!;
        (details.Status, details.Venue, details.PlannedFor, details.StatusSetBy).ShouldBe((RoundStatus.Held, null, null, reported.Id));
        details.Outcome.ShouldBe(round.Outcome);
    }

    [Fact]
    public void The_fold_follows_rescheduling_postponement_and_holding_in_order()
    {
        var state = Scheduled();
        state = Then(state, new RoundRescheduled(Id, null, "Paris", GivenRounds.Diplomats()));
        state.Venue.ShouldBe("Paris");
        state.PlannedFor.ShouldBe(GivenRounds.LaterThisWeek);

        state = Then(state, new RoundPostponed(Id, "Delegation delayed", Sept25, GivenRounds.Diplomats()));
        state.Status.ShouldBe(RoundStatus.Postponed);
        state.PlannedFor.ShouldBe(Sept25);
        state.Venue.ShouldBe("Paris");

        state = Then(state, new RoundHeld(Id, "Concluded", ["Zone of 10 km", "Monitoring by the US"], GivenRounds.Diplomats(Sept25)));
        state.Status.ShouldBe(RoundStatus.Held);
        state.Outcome.ShouldBe(new RoundOutcome("Concluded", ["Zone of 10 km", "Monitoring by the US"], Sept25), new OutcomeComparer());
        state.Version.ShouldBe(4);
    }

    [Fact]
    public void The_details_say_why_a_round_is_put_off_and_which_development_set_where_it_stands()
    {
        var stream = Stream(
            new RoundRescheduled(Id, null, "Paris", GivenRounds.Diplomats()),
            new RoundPostponed(Id, "Delegation delayed", Sept25, GivenRounds.Diplomats()));

        var postponed = Details(stream);
        (postponed.Status, postponed.StatusReason, postponed.StatusSetBy).ShouldBe((RoundStatus.Postponed, "Delegation delayed", stream[2].Id));
        (postponed.Venue, postponed.PlannedFor).ShouldBe(("Paris", Sept25));

        IEvent[] held = [.. stream, new RoundHeld(Id, "Concluded", [], GivenRounds.Diplomats(Sept25)).AsEvent(version: 4)];
        var details = Details(held);
        (details.Status, details.StatusReason, details.StatusSetBy).ShouldBe((RoundStatus.Held, null, held[3].Id));
        details.Outcome!.Summary.ShouldBe("Concluded");
        details.Version.ShouldBe(4);
    }

    [Fact]
    public void A_retracted_or_corrected_development_falls_back_to_what_stood_before()
    {
        Guid moved = Guid.CreateVersion7(), held = Guid.CreateVersion7();
        IEvent[] stream =
        [
            GivenRounds.InBaku([Understanding]).Decide(Id).AsEvent(ScheduleEvent, 1),
            new RoundRescheduled(Id, Sept25, "Paris", GivenRounds.Diplomats()).AsEvent(moved, 2),
            new RoundHeld(Id, "Concluded", [], GivenRounds.Diplomats()).AsEvent(held, 3)
        ];
        IEvent[] unheldStream = [.. stream, new DevelopmentRetracted(held, "round_held", "It did not take place").AsEvent(version: 4)];

        var unheld = AsItStands.Fold<Round>(unheldStream)!;
        unheld.Status.ShouldBe(RoundStatus.Scheduled);
        unheld.Outcome.ShouldBeNull();
        unheld.Venue.ShouldBe("Paris");
        unheld.Version.ShouldBe(4);

        IEvent[] correctedStream = [.. unheldStream, new DevelopmentCorrected(moved, "round_rescheduled", "Wrong city").AsEvent(version: 5),
            new RoundRescheduled(Id, null, "Vienna", GivenRounds.Diplomats()).AsEvent(version: 6)];
        var corrected = AsItStands.Fold<Round>(correctedStream)!;
        corrected.Venue.ShouldBe("Vienna");
        corrected.PlannedFor.ShouldBe(GivenRounds.LaterThisWeek);
        corrected.Version.ShouldBe(6);

        var gone = AsItStands.Fold<Round>([.. stream, new DevelopmentRetracted(ScheduleEvent, "round_scheduled", "Never announced").AsEvent(version: 4)])!;
        gone.Retracted.ShouldBeTrue();
        gone.BrokenRule().ShouldBeNull();
    }

    [Fact]
    public void The_details_after_a_correction_and_a_retraction_are_those_of_the_stream_as_it_stands()
    {
        Guid postponed = Guid.CreateVersion7(), held = Guid.CreateVersion7();
        IEvent[] stream =
        [
            GivenRounds.InBaku([Understanding]).Decide(Id).AsEvent(ScheduleEvent, 1),
            new RoundPostponed(Id, "Delegation delayed", Sept25, GivenRounds.Diplomats()).AsEvent(postponed, 2),
            new RoundHeld(Id, "Concluded", ["Zone of 10 km"], GivenRounds.Diplomats(Sept25)).AsEvent(held, 3),
            new DevelopmentCorrected(postponed, "round_postponed", "Another reason, another date").AsEvent(version: 4),
            new RoundPostponed(Id, "Security concerns", Occurrence.On(new DateOnly(2025, 9, 26)), GivenRounds.Diplomats()).AsEvent(version: 5),
            new DevelopmentRetracted(held, "round_held", "It did not take place").AsEvent(version: 6)
        ];

        var details = Details(stream);

        (details.Status, details.StatusReason, details.StatusSetBy).ShouldBe((RoundStatus.Postponed, "Security concerns", stream[4].Id));
        details.PlannedFor.ShouldBe(Occurrence.On(new DateOnly(2025, 9, 26)));
        details.Outcome.ShouldBeNull();
        (details.Venue, details.Participants.Count, details.Retracted, details.Version).ShouldBe(("Baku", 2, false, 6L));
        // The write model, folded the same way, agrees with the details on what its commands decide on.
        var round = AsItStands.Fold<Round>(stream)!;
        (round.Status, round.PlannedFor, round.Venue, round.Outcome, round.Version).ShouldBe((details.Status, details.PlannedFor, details.Venue, null, 6L));
    }

    [Fact]
    public void The_write_model_stays_the_same_size_however_often_the_round_was_put_off()
    {
        object PutOff(int i) => i % 2 == 0
            ? new RoundPostponed(Id, $"Delegation delayed, {i:D3}th time", Occurrence.On(new DateOnly(2025, 10, 1).AddDays(i)), GivenRounds.Diplomats())
            : new RoundRescheduled(Id, Occurrence.On(new DateOnly(2025, 10, 1).AddDays(i)), "Vienna", GivenRounds.Diplomats());
        // Measured at one version: the version's own digits aside.
        int Size<T>(int developments) where T : class, IStreamModel<T> =>
            JsonSerializer.Serialize(AsItStands.Fold<T>(Stream([.. Enumerable.Range(0, developments).Select(PutOff)]))!.At(1), Api.Json).Length;

        Size<Round>(200).ShouldBeLessThanOrEqualTo(Size<Round>(2));
        Size<RoundDetails>(200).ShouldBeLessThanOrEqualTo(Size<RoundDetails>(2));
    }

    [Fact]
    public void Corrections_in_streams_of_other_kinds_create_no_round() =>
        Round.Fold(null, new DevelopmentRetracted(Guid.CreateVersion7(), "x", "probe").AsEvent()).ShouldBeNull();

    [Fact]
    public void A_held_round_cannot_be_cancelled_postponed_or_rescheduled()
    {
        var held = HeldRound();

        new CancelRound("Off", GivenRounds.Diplomats(), held.Version).Allowed(held).Status.ShouldBe(422);
        new PostponeRound("Later", GivenRounds.Diplomats(), held.Version).Allowed(held).Status.ShouldBe(422);
        new RescheduleRound(GivenRounds.Diplomats(), held.Version, Sept25).Allowed(held).Status.ShouldBe(422);
    }

    [Fact]
    public void A_cancelled_round_cannot_be_held_rescheduled_or_postponed()
    {
        var cancelled = CancelledRound();

        GivenRounds.Held(cancelled.Version).Allowed(cancelled).Detail!.ShouldContain("cancelled");
        new RescheduleRound(GivenRounds.Diplomats(), cancelled.Version, Sept25).Allowed(cancelled).Status.ShouldBe(422);
        new PostponeRound("Later", GivenRounds.Diplomats(), cancelled.Version).Allowed(cancelled).Status.ShouldBe(422);
    }

    [Fact]
    public void A_scheduled_or_postponed_round_can_be_held_postponed_rescheduled_or_cancelled()
    {
        foreach (var round in new[] { Scheduled(), PostponedRound() })
        {
            var v = round.Version;
            ProblemDetails[] verdicts =
            [
                GivenRounds.Held(v).Allowed(round), new CancelRound("Off", GivenRounds.Diplomats(), v).Allowed(round),
                new PostponeRound("Later", GivenRounds.Diplomats(), v, Sept25).Allowed(round),
                new RescheduleRound(GivenRounds.Diplomats(), v, Sept25).Allowed(round)
            ];
            verdicts.ShouldAllBe(p => p == WolverineContinue.NoProblems);
        }

        Apply(PostponedRound(), new RescheduleRound(GivenRounds.Diplomats(), 2, Sept25).Decide(PostponedRound())).Status.ShouldBe(RoundStatus.Scheduled);
    }

    [Fact]
    public void Commands_already_satisfied_decide_nothing()
    {
        var scheduled = Scheduled();
        new RescheduleRound(GivenRounds.Diplomats(), 1, GivenRounds.LaterThisWeek, "baku").Decide(scheduled).ShouldBeEmpty();
        new RescheduleRound(GivenRounds.Diplomats(), 1, null, "Baku").Decide(scheduled).ShouldBeEmpty();
        new RescheduleRound(GivenRounds.Diplomats(), 1, Sept25).Decide(scheduled).Count().ShouldBe(1);

        var postponed = PostponedRound();
        new PostponeRound("Again", GivenRounds.Diplomats(), 2).Decide(postponed).ShouldBeEmpty();
        new PostponeRound("Again", GivenRounds.Diplomats(), 2, Sept25).Decide(postponed).Count().ShouldBe(1);

        var cancelled = CancelledRound();
        var cancel = new CancelRound("Other reason", GivenRounds.Diplomats(), 2);
        cancel.Allowed(cancelled).ShouldBeSameAs(WolverineContinue.NoProblems);
        cancel.Decide(cancelled).ShouldBeEmpty();

        var held = HeldRound();
        var again = new HoldRound(" Concluded ", GivenRounds.Diplomats(), 2, ["Zone of 10 km"]);
        again.Allowed(held).ShouldBeSameAs(WolverineContinue.NoProblems);
        again.Decide(held).ShouldBeEmpty();
    }

    [Fact]
    public void Holding_a_held_round_with_another_outcome_is_refused()
    {
        var held = HeldRound();

        var verdict = new HoldRound("Collapsed", GivenRounds.Diplomats(), 2).Allowed(held);

        verdict.Status.ShouldBe(422);
        verdict.Detail!.ShouldContain("correct that development");
    }

    [Fact]
    public void A_stale_version_is_a_conflict_before_any_domain_rule_and_a_retracted_round_is_unknown()
    {
        var held = HeldRound();
        new CancelRound("Off", GivenRounds.Diplomats(), 1).Allowed(held).Status.ShouldBe(409);

        var retracted = AsItStands.Fold<Round>(Stream(new DevelopmentRetracted(ScheduleEvent, "round_scheduled", "Never announced")))!;
        new CancelRound("Off", GivenRounds.Diplomats(), retracted.Version).Allowed(retracted).Status.ShouldBe(404);
    }

    [Fact]
    public void Validation_names_every_bad_field()
    {
        var schedule = GivenRounds.InBaku() with
        {
            PlannedFor = new Occurrence(new DateOnly(2025, 9, 19), DatePrecision.Range, new DateOnly(2025, 9, 17)),
            Participants = ["Syria", " syria", ""],
            UnderstandingIds = [Guid.Empty],
            RoundId = Guid.Empty,
            Provenance = GivenRounds.Diplomats() with { Sources = [] }
        };
        ((ValidationProblemDetails)schedule.Validate()).Errors.Keys.ShouldBe(
            ["plannedFor.to", "participants[2]", "participants", "understandingIds[0]", "roundId", "provenance.sources"], ignoreOrder: true);

        ((ValidationProblemDetails)new RescheduleRound(GivenRounds.Diplomats(), 0, null, " ").Validate()).Errors.Keys.ShouldBe(
            ["plannedFor", "version"], ignoreOrder: true);
        ((ValidationProblemDetails)new HoldRound("", GivenRounds.Diplomats(), 1, ["ok", " "]).Validate()).Errors.Keys.ShouldBe(
            ["outcome", "agreed[1]"], ignoreOrder: true);
        ((ValidationProblemDetails)new PostponeRound("", GivenRounds.Diplomats(), 1, new Occurrence(new DateOnly(2025, 10, 2), DatePrecision.Month)).Validate())
            .Errors.Keys.ShouldBe(["reason", "newDate.from"], ignoreOrder: true);
        ((ValidationProblemDetails)new CancelRound(" ", GivenRounds.Diplomats(), 1).Validate()).Errors.Keys.ShouldBe(["reason"]);
        ((ValidationProblemDetails)(GivenRounds.AlreadyMet() with { Participants = [], Outcome = "" }).Validate()).Errors.Keys.ShouldBe(
            ["participants", "outcome"], ignoreOrder: true);
    }

    private sealed class OutcomeComparer : IEqualityComparer<RoundOutcome?>
    {
        public bool Equals(RoundOutcome? x, RoundOutcome? y) =>
            x is not null && y is not null && x.Summary == y.Summary && x.HeldOn == y.HeldOn && x.Agreed.SequenceEqual(y.Agreed);

        public int GetHashCode(RoundOutcome? obj) => 0;
    }
}
