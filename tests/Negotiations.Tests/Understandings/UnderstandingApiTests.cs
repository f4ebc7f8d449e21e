using System.Net;
using Negotiations.Tests.Support;
using Negotiations.Understandings;

namespace Negotiations.Tests.Understandings;

/// <summary>Understandings through HTTP against PostgreSQL. Every rejection leaves the stream as it was.</summary>
public class UnderstandingApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<Guid> Propose()
    {
        var reply = await app.Post("/api/understandings", Given.DemilitarisedZone());
        reply.ShouldBe(HttpStatusCode.Created);
        reply.Message.Headers.Location!.ToString().ShouldBe($"/api/understandings/{reply.Id}");
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
    public async Task A_proposed_understanding_can_be_read_back_with_its_parties_and_version()
    {
        var id = await Propose();

        var reply = (await app.Get($"/api/understandings/{id}")).ShouldBe(HttpStatusCode.OK);

        reply.Body!["title"]!.GetValue<string>().ShouldBe("Southern Syria demilitarised zone");
        reply.Body["kind"]!.GetValue<string>().ShouldBe("demilitarised-zone");
        reply.Body["status"]!.GetValue<string>().ShouldBe("proposed");
        reply.Body["parties"]!.AsArray().Count.ShouldBe(3);
        reply.Body["version"]!.GetValue<int>().ShouldBe(1);
        var stored = await app.StreamOf(id);
        stored.Single().UserName.ShouldBe(TestKeys.EverythingUser);
    }

    [Fact]
    public async Task Stage_and_lifecycle_changes_are_appended_and_returned_with_the_new_version()
    {
        var id = await Propose();

        var staged = (await app.Post($"/api/understandings/{id}/stage", new ChangeStage(PaxStage.FrameworkPartial, Given.Reported(), 1)))
            .ShouldBe(HttpStatusCode.OK);
        staged.Body!["stage"]!.GetValue<string>().ShouldBe("framework-partial");
        staged.Body["version"]!.GetValue<int>().ShouldBe(2);

        var moved = (await app.Post($"/api/understandings/{id}/lifecycle", new ChangeLifecycle(Lifecycle.UnderNegotiation, "talks opened", Given.Reported(), 2)))
            .ShouldBe(HttpStatusCode.OK);
        moved.Body!["status"]!.GetValue<string>().ShouldBe("under-negotiation");

        (await app.StreamOf(id)).Select(e => e.Data.GetType()).ShouldBe(
            [typeof(UnderstandingProposed), typeof(UnderstandingStageChanged), typeof(UnderstandingLifecycleChanged)]);
    }

    [Fact]
    public async Task Resending_a_satisfied_change_appends_nothing()
    {
        var id = await Propose();
        await app.Post($"/api/understandings/{id}/stage", new ChangeStage(PaxStage.Ceasefire, Given.Reported(), 1));

        await StreamIsUnchanged(id, 2, async () =>
            (await app.Post($"/api/understandings/{id}/stage", new ChangeStage(PaxStage.Ceasefire, Given.Reported(), 2))).ShouldBe(HttpStatusCode.OK));
    }

    [Fact]
    public async Task A_stale_or_missing_version_is_a_409_and_appends_nothing()
    {
        var id = await Propose();
        await app.Post($"/api/understandings/{id}/stage", new ChangeStage(PaxStage.Ceasefire, Given.Reported(), 1));

        await StreamIsUnchanged(id, 2, async () =>
        {
            (await app.Post($"/api/understandings/{id}/stage", new ChangeStage(PaxStage.Implementation, Given.Reported(), 1)))
                .ShouldBeProblem(HttpStatusCode.Conflict).Detail!.ShouldContain("at version 2");
            (await app.PostRaw($"/api/understandings/{id}/stage",
                    """{"stage":"implementation","provenance":{"sources":[{"name":"x","kind":"media"}],"occurred":{"from":"2025-09-15"}}}"""))
                .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("version").ShouldBeTrue();
        });
    }

    [Fact]
    public async Task A_forbidden_lifecycle_move_is_a_422_naming_the_allowed_ones()
    {
        var id = await Propose();

        await StreamIsUnchanged(id, 1, async () =>
            (await app.Post($"/api/understandings/{id}/lifecycle", new ChangeLifecycle(Lifecycle.Fulfilled, null, Given.Reported(), 1)))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity).Detail.ShouldBe(
                    "An understanding that is proposed cannot become fulfilled; it can become: under-negotiation, agreed, collapsed, superseded."));
    }

    [Fact]
    public async Task Invalid_input_is_a_400_naming_each_field()
    {
        var before = await app.EventCount();

        var reply = (await app.Post("/api/understandings", Given.DemilitarisedZone() with { Title = " ", Parties = [] }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);

        reply.Errors!.Select(e => e.Key).ShouldBe(["title", "parties"], ignoreOrder: true);
        (await app.EventCount()).ShouldBe(before);
    }

    [Theory]
    [InlineData("""{"title":""", "title")]
    [InlineData("""{"title":"t","kind":"treaty-of-doom","parties":[{"name":"a","role":"party"}],"stage":"other","provenance":null}""", "kind")]
    [InlineData("""{"title":"t","kind":3,"parties":[{"name":"a","role":"party"}],"stage":"other","provenance":null}""", "kind")]
    [InlineData("""{"title":"t","kind":"ceasefire","parties":[{"name":"a","role":"chair"}],"stage":"other","provenance":null}""", "parties[0].role")]
    [InlineData("""[1,2,3]""", "$")]
    public async Task Malformed_json_and_unknown_words_are_a_400_naming_the_field(string body, string field)
    {
        var before = await app.EventCount();

        var reply = (await app.PostRaw("/api/understandings", body)).ShouldBeProblem(HttpStatusCode.BadRequest);

        reply.Errors!.Select(e => e.Key).ShouldBe([field], reply.Body!.ToJsonString());
        reply.Body!.ToJsonString().ShouldNotContain("Negotiations.");
        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_understanding_is_a_404_for_reads_and_commands()
    {
        var unknown = Guid.CreateVersion7();
        var before = await app.EventCount();

        (await app.Get($"/api/understandings/{unknown}")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await app.Post($"/api/understandings/{unknown}/stage", new ChangeStage(PaxStage.Ceasefire, Given.Reported(), 1))).ShouldBeProblem(HttpStatusCode.NotFound);
        (await app.Post($"/api/understandings/{unknown}/lifecycle", new ChangeLifecycle(Lifecycle.Agreed, null, Given.Reported(), 1))).ShouldBeProblem(HttpStatusCode.NotFound);

        (await app.EventCount()).ShouldBe(before);
        (await app.StreamOf(unknown)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Proposing_with_an_id_that_is_taken_is_a_409()
    {
        var id = await Propose();

        await StreamIsUnchanged(id, 1, async () =>
            (await app.Post("/api/understandings", Given.DemilitarisedZone(id))).ShouldBeProblem(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task It_can_be_read_as_of_a_version_and_as_recorded_up_to_a_moment()
    {
        var id = await Propose();
        var proposedAt = (await app.StreamOf(id)).Single().Timestamp;
        await app.Post($"/api/understandings/{id}/lifecycle", new ChangeLifecycle(Lifecycle.UnderNegotiation, null, Given.Reported(), 1));

        (await app.Get($"/api/understandings/{id}?version=1")).ShouldBe(HttpStatusCode.OK).Body!["status"]!.GetValue<string>().ShouldBe("proposed");
        (await app.Get($"/api/understandings/{id}")).Body!["status"]!.GetValue<string>().ShouldBe("under-negotiation");
        (await app.Get($"/api/understandings/{id}?knownAt={Uri.EscapeDataString(proposedAt.ToString("O"))}")).ShouldBe(HttpStatusCode.OK)
            .Body!["status"]!.GetValue<string>().ShouldBe("proposed");
        (await app.Get($"/api/understandings/{id}?knownAt={Uri.EscapeDataString(proposedAt.AddDays(-1).ToString("O"))}")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await app.Get($"/api/understandings/{id}?version=0")).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["version"]);
        (await app.Get($"/api/understandings/{id}?version=1&knownAt=2025-01-01")).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["knownAt"]);
        // asOf is the occurrence axis everywhere; a write model has none, and says which parameters it takes instead of ignoring it.
        (await app.Get($"/api/understandings/{id}?asOf={Uri.EscapeDataString(proposedAt.ToString("O"))}")).ShouldBeProblem(HttpStatusCode.BadRequest)
            .Errors!["asOf"]![0]!.GetValue<string>().ShouldContain("knownAt");
    }

    [Fact]
    public async Task A_kind_the_codebook_lacks_is_other_with_its_label_kept_and_a_label_on_any_other_kind_is_refused()
    {
        var id = Guid.CreateVersion7();
        var ddr = Given.DemilitarisedZone(id) with { Kind = UnderstandingKind.Other, KindLabel = " Cantonment of combatants " };
        (await app.Post("/api/understandings", ddr)).ShouldBe(HttpStatusCode.Created);
        var read = (await app.Get($"/api/understandings/{id}")).ShouldBe(HttpStatusCode.OK).Body!;
        (read["kind"]!.GetValue<string>(), read["kindLabel"]!.GetValue<string>()).ShouldBe(("other", "Cantonment of combatants"));

        var before = await app.EventCount();
        var unlabelled = (await app.Post("/api/understandings", Given.DemilitarisedZone() with { Kind = UnderstandingKind.Other })).ShouldBeProblem(HttpStatusCode.BadRequest);
        unlabelled.Body!["errors"]!["kindLabel"]![0]!.GetValue<string>().ShouldStartWith("Required when kind is \"other\"");
        var labelled = (await app.Post("/api/understandings", Given.DemilitarisedZone() with { KindLabel = "buffer" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        labelled.Body!["errors"]!["kindLabel"]![0]!.GetValue<string>().ShouldContain("\"demilitarised-zone\" is defined in the codebook");
        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_stage_of_other_keeps_its_label_and_a_new_label_is_a_change_of_stage()
    {
        var id = Guid.CreateVersion7();
        (await app.Post("/api/understandings", Given.DemilitarisedZone(id) with { Stage = PaxStage.Other, StageLabel = "Talks about talks" })).ShouldBe(HttpStatusCode.Created);
        (await app.Post($"/api/understandings/{id}/stage", new ChangeStage(PaxStage.Other, Given.Reported(), 1, "Talks about talks"))).ShouldBe(HttpStatusCode.OK)
            .Body!["version"]!.GetValue<int>().ShouldBe(1); // the same stage and label: nothing appended
        (await app.Post($"/api/understandings/{id}/stage", new ChangeStage(PaxStage.Other, Given.Reported(), 1, "Roadmap drafting"))).ShouldBe(HttpStatusCode.OK)
            .Body!["version"]!.GetValue<int>().ShouldBe(2);
        (await app.Get($"/api/understandings/{id}")).Body!["stageLabel"]!.GetValue<string>().ShouldBe("Roadmap drafting");

        var before = await app.EventCount();
        (await app.Post($"/api/understandings/{id}/stage", new ChangeStage(PaxStage.Ceasefire, Given.Reported(), 2, "truce")))
            .ShouldBeProblem(HttpStatusCode.BadRequest).Body!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["stageLabel"]);
        (await app.Post($"/api/understandings/{id}/stage", new ChangeStage(PaxStage.Other, Given.Reported(), 2)))
            .ShouldBeProblem(HttpStatusCode.BadRequest).Body!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["stageLabel"]);
        (await app.EventCount()).ShouldBe(before);
    }
}
