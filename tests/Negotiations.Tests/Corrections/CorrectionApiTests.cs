using System.Net;
using Negotiations.Kernel;
using Marten;
using Negotiations.Corrections;
using Negotiations.Tests.Support;
using Negotiations.Understandings;

namespace Negotiations.Tests.Corrections;

public class CorrectionApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<(Guid Id, Guid StageEvent)> ProposedAndStaged()
    {
        var id = (await app.Post("/api/understandings", Given.DemilitarisedZone())).Id;
        (await app.Post($"/api/understandings/{id}/stage", new ChangeStage(PaxStage.Ceasefire, Given.Reported(), 1))).ShouldBe(HttpStatusCode.OK);
        return (id, (await app.StreamOf(id))[1].Id);
    }

    [Fact]
    public async Task A_retraction_is_appended_and_the_model_stops_counting_the_development()
    {
        var (id, stageEvent) = await ProposedAndStaged();

        var reply = (await app.Post($"/api/developments/{stageEvent}/retraction", new RetractDevelopment("Misread the report"))).ShouldBe(HttpStatusCode.OK);

        reply.Body!["version"]!.GetValue<int>().ShouldBe(3);
        var stream = await app.StreamOf(id);
        stream.Count.ShouldBe(3);
        stream[2].Data.ShouldBe(new DevelopmentRetracted(stageEvent, "understanding_stage_changed", "Misread the report"));
        (await app.Get($"/api/understandings/{id}")).Body!["stage"]!.GetValue<string>().ShouldBe("pre-negotiation");

        // Sent again: already satisfied, nothing appended.
        (await app.Post($"/api/developments/{stageEvent}/retraction", new RetractDevelopment("Misread the report"))).ShouldBe(HttpStatusCode.OK);
        (await app.StreamOf(id)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_correction_appends_the_replacement_and_the_model_honours_it()
    {
        var (id, stageEvent) = await ProposedAndStaged();
        var replacement = new UnderstandingStageChanged(id, PaxStage.FrameworkPartial, Given.Reported(new DateOnly(2025, 9, 16)));

        (await app.Post($"/api/developments/{stageEvent}/correction", new { reason = "It was a framework", replacement }))
            .ShouldBe(HttpStatusCode.OK);

        var stream = await app.StreamOf(id);
        stream.Select(e => e.Data.GetType().Name).ShouldBe(
            ["UnderstandingProposed", "UnderstandingStageChanged", "DevelopmentCorrected", "UnderstandingStageChanged"]);
        stream[1].Data.ShouldBeOfType<UnderstandingStageChanged>().Stage.ShouldBe(PaxStage.Ceasefire);
        (await app.Get($"/api/understandings/{id}")).Body!["stage"]!.GetValue<string>().ShouldBe("framework-partial");
    }

    [Fact]
    public async Task A_correction_and_a_retraction_of_the_proposal_show_in_what_readers_see_as_in_the_write_model()
    {
        var (id, stageEvent) = await ProposedAndStaged();
        var replacement = new UnderstandingStageChanged(id, PaxStage.FrameworkPartial, Given.Reported());
        (await app.Post($"/api/developments/{stageEvent}/correction", new { reason = "It was a framework", replacement })).ShouldBe(HttpStatusCode.OK);

        var details = (await app.Get($"/api/understandings/{id}")).ShouldBe(HttpStatusCode.OK).Body!;
        details["title"]!.GetValue<string>().ShouldBe("Southern Syria demilitarised zone");
        details["stage"]!.GetValue<string>().ShouldBe("framework-partial");
        details["version"]!.GetValue<int>().ShouldBe(4);
        await SameAsTheWriteModel(id, details);

        var proposal = (await app.StreamOf(id))[0].Id;
        (await app.Post($"/api/developments/{proposal}/retraction", new RetractDevelopment("Never proposed"))).ShouldBe(HttpStatusCode.OK);

        details = (await app.Get($"/api/understandings/{id}")).ShouldBe(HttpStatusCode.OK).Body!;
        details["retracted"]!.GetValue<bool>().ShouldBeTrue();
        details["version"]!.GetValue<int>().ShouldBe(5);
        details["proposedBy"]!.GetValue<Guid>().ShouldBe(proposal);
        await SameAsTheWriteModel(id, details);
    }

    private async Task SameAsTheWriteModel(Guid id, System.Text.Json.Nodes.JsonNode details)
    {
        await using var session = app.Store.QuerySession();
        var model = (await session.LoadAsync<Understanding>(id))!;
        (details["stage"]!.GetValue<string>(), details["status"]!.GetValue<string>(), details["proposedBy"]!.GetValue<Guid>(),
                details["retracted"]!.GetValue<bool>(), details["version"]!.GetValue<long>())
            .ShouldBe((model.Stage.Word(), model.Status.Word(), model.ProposedBy, model.Retracted, model.Version));
    }

    [Fact]
    public async Task Bad_corrections_are_refused_and_append_nothing()
    {
        var (id, stageEvent) = await ProposedAndStaged();
        var proposal = (await app.StreamOf(id))[0].Id;
        var before = await app.EventCount();

        (await app.Post($"/api/developments/{Guid.CreateVersion7()}/retraction", new RetractDevelopment("x"))).ShouldBeProblem(HttpStatusCode.NotFound);
        (await app.Post($"/api/developments/{stageEvent}/retraction", new RetractDevelopment(" "))).ShouldBeProblem(HttpStatusCode.BadRequest);
        (await app.Post($"/api/developments/{proposal}/correction", new { reason = "typo", replacement = new { title = "x" } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        (await app.Post($"/api/developments/{stageEvent}/correction",
                new { reason = "other", replacement = new UnderstandingStageChanged(Guid.CreateVersion7(), PaxStage.Other, Given.Reported()) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("replacement.understandingId").ShouldBeTrue();
        (await app.Post($"/api/developments/{stageEvent}/correction",
                new { reason = "other", replacement = new { understandingId = id, stage = "no-such-stage" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["replacement.stage"]);
        (await app.Post($"/api/developments/{stageEvent}/correction",
                new { reason = "other", replacement = new UnderstandingStageChanged(id, PaxStage.Other, Given.Reported() with { Sources = [] }) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("replacement.provenance.sources").ShouldBeTrue();

        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_correction_cannot_itself_be_taken_back_and_a_retracted_development_cannot_be_corrected()
    {
        var (id, stageEvent) = await ProposedAndStaged();
        await app.Post($"/api/developments/{stageEvent}/retraction", new RetractDevelopment("wrong"));
        var retraction = (await app.StreamOf(id))[2].Id;
        var before = await app.EventCount();

        (await app.Post($"/api/developments/{retraction}/retraction", new RetractDevelopment("undo"))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        (await app.Post($"/api/developments/{stageEvent}/correction",
                new { reason = "x", replacement = new UnderstandingStageChanged(id, PaxStage.Other, Given.Reported()) }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity);

        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_retraction_in_a_stream_of_another_kind_creates_no_understanding()
    {
        var otherStream = Guid.CreateVersion7();
        await using (var session = app.Store.LightweightSession())
        {
            session.Events.Append(otherStream, new DevelopmentRetracted(Guid.CreateVersion7(), "x", "probe"));
            await session.SaveChangesAsync();
        }

        await using var query = app.Store.QuerySession();
        (await query.LoadAsync<Understanding>(otherStream)).ShouldBeNull();
        (await query.LoadAsync<UnderstandingDetails>(otherStream)).ShouldBeNull();
    }
}
