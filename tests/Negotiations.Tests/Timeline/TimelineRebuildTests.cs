using System.Net;
using Marten;
using Negotiations.Corrections;
using Negotiations.Tests.Demo;
using Negotiations.Tests.Support;
using Negotiations.ReadModels.Timeline;
using Negotiations.Understandings;

namespace Negotiations.Tests.Timeline;

/// <summary>Rebuilt from the events, the timeline is the one the daemon kept live, byte for byte.</summary>
public class TimelineRebuildTests(DemoFixture app) : IClassFixture<DemoFixture>
{
    private static readonly Guid Zone = Guid.Parse("01990000-0000-7000-8000-000000000001");
    private static readonly Guid SharaaStatement = Guid.Parse("01990000-0000-7000-8000-000000000702");

    [Fact]
    public async Task A_rebuild_gives_documents_identical_to_the_live_ones()
    {
        // On top of the report: a stage change later corrected, and a statement retracted.
        (await app.Post($"/api/understandings/{Zone}/stage", new ChangeStage(PaxStage.Ceasefire, Given.Reported(), 2))).ShouldBe(HttpStatusCode.OK);
        var stageEvent = (await app.StreamOf(Zone))[^1].Id;
        (await app.Post($"/api/developments/{stageEvent}/correction", new
        {
            reason = "Talks, not a ceasefire",
            replacement = new UnderstandingStageChanged(Zone, PaxStage.PreNegotiation, Given.Reported())
        })).ShouldBe(HttpStatusCode.OK);
        var statement = (await app.StreamOf(SharaaStatement))[0].Id;
        (await app.Post($"/api/developments/{statement}/retraction", new RetractDevelopment("Attributed to the wrong speaker"))).ShouldBe(HttpStatusCode.OK);

        var livePage = await app.Timeline("?pageSize=200");
        var live = livePage.Entries();
        ((long)live.Count).ShouldBe(await app.EventCount());
        live.Count(e => e["takenBack"] != null).ShouldBe(2);
        var stored = await app.StoredEntries();

        // Wipe the documents, so that only the rebuild can bring them back.
        await using (var session = app.Store.LightweightSession())
        {
            session.HardDeleteWhere<TimelineEntry>(x => true);
            await session.SaveChangesAsync();
        }
        (await app.StoredEntries()).ShouldBeEmpty();

        await app.RebuildTimeline();

        (await app.StoredEntries()).ShouldBe(stored);
        (await app.Timeline("?pageSize=200")).ToJsonString().ShouldBe(livePage.ToJsonString());
    }
}
