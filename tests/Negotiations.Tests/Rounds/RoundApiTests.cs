using System.Net;
using Negotiations.Corrections;
using Negotiations.Rounds;
using Negotiations.Kernel;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Rounds;

/// <summary>Rounds through HTTP against PostgreSQL. Every rejection leaves the stream and the store as they were.</summary>
public class RoundApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly Occurrence Sept25 = Occurrence.On(new DateOnly(2025, 9, 25));

    private async Task<Guid> Understanding() => (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created).Id;

    private async Task<Guid> Schedule()
    {
        var zone = await Understanding();
        var reply = (await app.Post("/api/rounds", GivenRounds.InBaku([zone]))).ShouldBe(HttpStatusCode.Created);
        reply.Message.Headers.Location!.ToString().ShouldBe($"/api/rounds/{reply.Id}");
        return reply.Id;
    }

    private async Task StreamIsUnchanged(Guid id, int expectedEvents, Func<Task> rejected)
    {
        var before = await app.EventCount();
        await rejected();
        (await app.StreamOf(id)).Count.ShouldBe(expectedEvents);
        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_scheduled_round_can_be_read_back_with_its_plan_and_links()
    {
        var zone = await Understanding();
        var id = (await app.Post("/api/rounds", GivenRounds.InBaku([zone]))).ShouldBe(HttpStatusCode.Created).Id;

        var round = (await app.Get($"/api/rounds/{id}")).ShouldBe(HttpStatusCode.OK).Body!;

        round["status"]!.GetValue<string>().ShouldBe("scheduled");
        round["venue"]!.GetValue<string>().ShouldBe("Baku");
        round["plannedFor"]!["from"]!.GetValue<string>().ShouldBe("2025-09-17");
        round["plannedFor"]!["precision"]!.GetValue<string>().ShouldBe("range");
        round["participants"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["Syria", "Israel"]);
        round["mediator"]!.GetValue<string>().ShouldBe("United States");
        round["understandingIds"]!.AsArray().Single()!.GetValue<Guid>().ShouldBe(zone);
        round["version"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task A_read_of_the_round_now_streams_the_stored_details_with_an_etag_and_answers_304_while_nothing_changed()
    {
        var id = await Schedule();
        var first = (await app.Get($"/api/rounds/{id}")).ShouldBe(HttpStatusCode.OK);
        var etag = first.Message.Headers.ETag!.Tag;
        var unchanged = new Dictionary<string, string> { ["If-None-Match"] = etag };

        (await app.Send(HttpMethod.Get, $"/api/rounds/{id}", null, unchanged)).Status.ShouldBe(HttpStatusCode.NotModified);
        (await app.Post($"/api/rounds/{id}/outcome", GivenRounds.Held(1))).ShouldBe(HttpStatusCode.OK);
        var changed = (await app.Send(HttpMethod.Get, $"/api/rounds/{id}", null, unchanged)).ShouldBe(HttpStatusCode.OK);
        changed.Message.Headers.ETag!.Tag.ShouldNotBe(etag);
        changed.Body!["status"]!.GetValue<string>().ShouldBe("held");
        // A version is folded from the events, as it stood then.
        (await app.Get($"/api/rounds/{id}?version=1")).ShouldBe(HttpStatusCode.OK).Body!["status"]!.GetValue<string>().ShouldBe("scheduled");

        var unknown = (await app.Get($"/api/rounds/{Guid.CreateVersion7()}")).ShouldBeProblem(HttpStatusCode.NotFound);
        unknown.Body!["title"]!.GetValue<string>().ShouldBe("Unknown round");
    }

    [Fact]
    public async Task A_round_reported_as_already_held_needs_no_venue()
    {
        var id = (await app.Post("/api/rounds/held", GivenRounds.AlreadyMet([await Understanding()]))).ShouldBe(HttpStatusCode.Created).Id;

        var round = (await app.Get($"/api/rounds/{id}")).ShouldBe(HttpStatusCode.OK).Body!;

        round["status"]!.GetValue<string>().ShouldBe("held");
        round["venue"].ShouldBeNull();
        round["outcome"]!["heldOn"]!["to"]!.GetValue<string>().ShouldBe("2025-09-14");
        (await app.StreamOf(id)).Single().Data.ShouldBeOfType<HeldRoundReported>();
    }

    [Fact]
    public async Task A_round_is_rescheduled_postponed_and_held_each_returning_the_new_version()
    {
        var id = await Schedule();

        var moved = (await app.Post($"/api/rounds/{id}/schedule", new RescheduleRound(GivenRounds.Diplomats(), 1, Venue: "Paris")))
            .ShouldBe(HttpStatusCode.OK).Body!;
        moved["venue"]!.GetValue<string>().ShouldBe("Paris");
        moved["version"]!.GetValue<int>().ShouldBe(2);

        var postponed = (await app.Post($"/api/rounds/{id}/postponement", new PostponeRound("Delegation delayed", GivenRounds.Diplomats(), 2, Sept25)))
            .ShouldBe(HttpStatusCode.OK).Body!;
        postponed["status"]!.GetValue<string>().ShouldBe("postponed");
        postponed["plannedFor"]!["from"]!.GetValue<string>().ShouldBe("2025-09-25");
        var read = (await app.Get($"/api/rounds/{id}")).ShouldBe(HttpStatusCode.OK).Body!;
        read["statusReason"]!.GetValue<string>().ShouldBe("Delegation delayed");
        read["statusSetBy"]!.GetValue<Guid>().ShouldBe((await app.StreamOf(id))[2].Id);

        var held = (await app.Post($"/api/rounds/{id}/outcome", GivenRounds.Held(3, "Heavy weapons stay 10 km from the line")))
            .ShouldBe(HttpStatusCode.OK).Body!;
        held["status"]!.GetValue<string>().ShouldBe("held");
        held["outcome"]!["agreed"]!.AsArray().Single()!.GetValue<string>().ShouldBe("Heavy weapons stay 10 km from the line");
        held["version"]!.GetValue<int>().ShouldBe(4);

        (await app.StreamOf(id)).Select(e => e.Data.GetType()).ShouldBe(
            [typeof(RoundScheduled), typeof(RoundRescheduled), typeof(RoundPostponed), typeof(RoundHeld)]);
        (await app.Get($"/api/rounds/{id}?version=2")).ShouldBe(HttpStatusCode.OK).Body!["status"]!.GetValue<string>().ShouldBe("scheduled");
    }

    [Fact]
    public async Task A_round_can_be_cancelled_and_then_cannot_be_held_rescheduled_or_postponed()
    {
        var id = await Schedule();
        (await app.Post($"/api/rounds/{id}/cancellation", new CancelRound("Talks called off", GivenRounds.Diplomats(), 1)))
            .ShouldBe(HttpStatusCode.OK).Body!["status"]!.GetValue<string>().ShouldBe("cancelled");

        await StreamIsUnchanged(id, 2, async () =>
        {
            (await app.Post($"/api/rounds/{id}/outcome", GivenRounds.Held(2)))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity).Detail!.ShouldContain("cancelled");
            (await app.Post($"/api/rounds/{id}/schedule", new RescheduleRound(GivenRounds.Diplomats(), 2, Sept25)))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
            (await app.Post($"/api/rounds/{id}/postponement", new PostponeRound("Later", GivenRounds.Diplomats(), 2)))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
            // Cancelled again: already satisfied.
            (await app.Post($"/api/rounds/{id}/cancellation", new CancelRound("Talks called off", GivenRounds.Diplomats(), 2)))
                .ShouldBe(HttpStatusCode.OK);
        });
    }

    [Fact]
    public async Task A_held_round_cannot_be_cancelled_or_postponed()
    {
        var id = await Schedule();
        (await app.Post($"/api/rounds/{id}/outcome", GivenRounds.Held(1))).ShouldBe(HttpStatusCode.OK);

        await StreamIsUnchanged(id, 2, async () =>
        {
            (await app.Post($"/api/rounds/{id}/cancellation", new CancelRound("Off", GivenRounds.Diplomats(), 2)))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity).Detail.ShouldBe(
                    "The round was already held; it cannot be cancelled. Retract the held development if it was wrong.");
            (await app.Post($"/api/rounds/{id}/postponement", new PostponeRound("Later", GivenRounds.Diplomats(), 2)))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
            (await app.Post($"/api/rounds/{id}/outcome", GivenRounds.Held(2) with { Outcome = "Something else" }))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        });
    }

    [Fact]
    public async Task Resending_satisfied_commands_appends_nothing()
    {
        var id = await Schedule();
        await app.Post($"/api/rounds/{id}/postponement", new PostponeRound("Delayed", GivenRounds.Diplomats(), 1, Sept25));

        await StreamIsUnchanged(id, 2, async () =>
        {
            (await app.Post($"/api/rounds/{id}/postponement", new PostponeRound("Delayed", GivenRounds.Diplomats(), 2, Sept25))).ShouldBe(HttpStatusCode.OK);
            (await app.Post($"/api/rounds/{id}/postponement", new PostponeRound("Delayed", GivenRounds.Diplomats(), 2))).ShouldBe(HttpStatusCode.OK);
        });

        await app.Post($"/api/rounds/{id}/outcome", GivenRounds.Held(2, "A point"));
        await StreamIsUnchanged(id, 3, async () =>
            (await app.Post($"/api/rounds/{id}/outcome", GivenRounds.Held(3, "A point"))).ShouldBe(HttpStatusCode.OK)
                .Body!["version"]!.GetValue<int>().ShouldBe(3));

        var other = await Schedule();
        await StreamIsUnchanged(other, 1, async () =>
            (await app.Post($"/api/rounds/{other}/schedule", new RescheduleRound(GivenRounds.Diplomats(), 1, GivenRounds.LaterThisWeek, "Baku")))
                .ShouldBe(HttpStatusCode.OK));
    }

    [Fact]
    public async Task A_stale_or_missing_version_is_a_409_or_400_and_appends_nothing()
    {
        var id = await Schedule();
        await app.Post($"/api/rounds/{id}/schedule", new RescheduleRound(GivenRounds.Diplomats(), 1, Sept25));

        await StreamIsUnchanged(id, 2, async () =>
        {
            (await app.Post($"/api/rounds/{id}/cancellation", new CancelRound("Off", GivenRounds.Diplomats(), 1)))
                .ShouldBeProblem(HttpStatusCode.Conflict).Detail!.ShouldContain("at version 2");
            (await app.Post($"/api/rounds/{id}/outcome", GivenRounds.Held(1))).ShouldBeProblem(HttpStatusCode.Conflict);
            (await app.Post($"/api/rounds/{id}/postponement", new PostponeRound("x", GivenRounds.Diplomats(), 3))).ShouldBeProblem(HttpStatusCode.Conflict);
            (await app.Post($"/api/rounds/{id}/schedule", new RescheduleRound(GivenRounds.Diplomats(), 1, Venue: "Rome"))).ShouldBeProblem(HttpStatusCode.Conflict);
            (await app.PostRaw($"/api/rounds/{id}/cancellation",
                    """{"reason":"off","provenance":{"sources":[{"name":"x","kind":"media"}],"occurred":{"from":"2025-09-15"}}}"""))
                .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("version").ShouldBeTrue();
        });
    }

    [Fact]
    public async Task Invalid_input_is_a_400_naming_each_field()
    {
        var id = await Schedule();

        await StreamIsUnchanged(id, 1, async () =>
        {
            (await app.Post("/api/rounds", GivenRounds.InBaku() with { Participants = [], PlannedFor = null! }))
                .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["plannedFor", "participants"], ignoreOrder: true);
            (await app.Post("/api/rounds/held", GivenRounds.AlreadyMet() with { Outcome = " " }))
                .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["outcome"]);
            (await app.Post($"/api/rounds/{id}/schedule", new RescheduleRound(GivenRounds.Diplomats(), 1)))
                .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["plannedFor"]);
            (await app.Post($"/api/rounds/{id}/outcome", GivenRounds.Held(1, "")))
                .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["agreed[0]"]);
            (await app.Post($"/api/rounds/{id}/postponement", new PostponeRound("", GivenRounds.Diplomats(), 1)))
                .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["reason"]);
            (await app.Post($"/api/rounds/{id}/cancellation", new CancelRound("x", GivenRounds.Diplomats() with { Sources = [] }, 1)))
                .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["provenance.sources"]);
            (await app.PostRaw($"/api/rounds/{id}/postponement",
                    """{"reason":"x","newDate":{"from":"2025-09-20","precision":2},"version":1,"provenance":{"sources":[{"name":"x","kind":"media"}],"occurred":{"from":"2025-09-15"}}}"""))
                .ShouldBeProblem(HttpStatusCode.BadRequest);
        });
    }

    [Fact]
    public async Task Unknown_rounds_and_unknown_linked_understandings_are_a_404()
    {
        var unknown = Guid.CreateVersion7();
        var zone = await Understanding();
        var before = await app.EventCount();

        (await app.Get($"/api/rounds/{unknown}")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await app.Post($"/api/rounds/{unknown}/schedule", new RescheduleRound(GivenRounds.Diplomats(), 1, Sept25))).ShouldBe(HttpStatusCode.NotFound);
        (await app.Post($"/api/rounds/{unknown}/outcome", GivenRounds.Held(1))).ShouldBe(HttpStatusCode.NotFound);
        (await app.Post($"/api/rounds/{unknown}/postponement", new PostponeRound("x", GivenRounds.Diplomats(), 1))).ShouldBe(HttpStatusCode.NotFound);
        (await app.Post($"/api/rounds/{unknown}/cancellation", new CancelRound("x", GivenRounds.Diplomats(), 1))).ShouldBe(HttpStatusCode.NotFound);
        (await app.Post("/api/rounds", GivenRounds.InBaku([zone, unknown], id: unknown)))
            .ShouldBeProblem(HttpStatusCode.NotFound).Detail!.ShouldBe($"No understanding has id {unknown}.");
        (await app.Post("/api/rounds/held", GivenRounds.AlreadyMet([unknown], id: unknown))).ShouldBeProblem(HttpStatusCode.NotFound);

        (await app.EventCount()).ShouldBe(before);
        (await app.StreamOf(unknown)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Scheduling_with_an_id_that_is_taken_is_a_409()
    {
        var id = await Schedule();

        await StreamIsUnchanged(id, 1, async () =>
        {
            (await app.Post("/api/rounds", GivenRounds.InBaku(id: id))).ShouldBeProblem(HttpStatusCode.Conflict);
            (await app.Post("/api/rounds/held", GivenRounds.AlreadyMet(id: id))).ShouldBeProblem(HttpStatusCode.Conflict);
        });
    }

    [Fact]
    public async Task Retractions_and_corrections_of_round_developments_are_honoured()
    {
        var id = await Schedule();
        await app.Post($"/api/rounds/{id}/outcome", GivenRounds.Held(1, "A point"));
        var held = (await app.StreamOf(id))[1].Id;

        var replacement = new RoundHeld(id, "Talks ended without agreement", [], GivenRounds.Diplomats(Sept25));
        (await app.Post($"/api/developments/{held}/correction", new { reason = "Misreported", replacement })).ShouldBe(HttpStatusCode.OK);
        var corrected = (await app.Get($"/api/rounds/{id}")).Body!;
        corrected["outcome"]!["summary"]!.GetValue<string>().ShouldBe("Talks ended without agreement");
        corrected["outcome"]!["agreed"]!.AsArray().ShouldBeEmpty();
        var replacementEvent = (await app.StreamOf(id))[3].Id;
        corrected["statusSetBy"]!.GetValue<Guid>().ShouldBe(replacementEvent);

        (await app.Post($"/api/developments/{replacementEvent}/retraction", new RetractDevelopment("Not held at all"))).ShouldBe(HttpStatusCode.OK);
        var unheld = (await app.Get($"/api/rounds/{id}")).Body!;
        unheld["status"]!.GetValue<string>().ShouldBe("scheduled");
        unheld["outcome"].ShouldBeNull();
        unheld["statusSetBy"]!.GetValue<Guid>().ShouldBe((await app.StreamOf(id))[0].Id);
        unheld["participants"]!.AsArray().Count.ShouldBe(2);
        // The stored model carries the real stream version after a correction and a retraction.
        unheld["version"]!.GetValue<int>().ShouldBe(5);

        // Now it can be cancelled.
        (await app.Post($"/api/rounds/{id}/cancellation", new CancelRound("Off", GivenRounds.Diplomats(), 5))).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_retracted_round_reads_as_retracted_and_refuses_further_developments()
    {
        var id = await Schedule();
        var scheduled = (await app.StreamOf(id))[0].Id;
        (await app.Post($"/api/developments/{scheduled}/retraction", new RetractDevelopment("Never announced"))).ShouldBe(HttpStatusCode.OK);

        (await app.Get($"/api/rounds/{id}")).ShouldBe(HttpStatusCode.OK).Body!["retracted"]!.GetValue<bool>().ShouldBeTrue();
        await StreamIsUnchanged(id, 2, async () =>
            (await app.Post($"/api/rounds/{id}/cancellation", new CancelRound("Off", GivenRounds.Diplomats(), 2))).ShouldBeProblem(HttpStatusCode.NotFound));
    }
}
