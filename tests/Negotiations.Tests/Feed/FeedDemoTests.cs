using Marten;
using Negotiations.ReadModels.Feed;
using Negotiations.Tests.Demo;

namespace Negotiations.Tests.Feed;

/// <summary>The feed from the start of the demo scenario: the whole history, in sequence order, then live.</summary>
public class FeedDemoTests(DemoFixture app) : IClassFixture<DemoFixture>
{
    [Fact]
    public async Task After_zero_replays_the_demo_scenario_in_sequence_order()
    {
        await using var session = app.Store.QuerySession();
        var stored = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
        stored.Count.ShouldBeGreaterThan(20);

        await using var feed = await FeedClient.ConnectAsync(app, "/api/feed?after=0");
        var seen = await feed.UntilAsync(e => e.Sequence == stored[^1].Sequence);

        seen.Select(e => e.Sequence).ShouldBe(stored.Select(e => e.Sequence));
        seen.Select(e => e.Json["eventId"]!.GetValue<Guid>()).ShouldBe(stored.Select(e => e.Id));
        seen.Select(e => e.Type).ShouldBe(stored.Select(e => FeedKind.Of(e.Data)));
        seen.ShouldContain(e => e.Type == FeedKind.Status);

        var zone = Guid.Parse("01990000-0000-7000-8000-000000000001");
        var baku = seen.First(e => e.StreamId() == Guid.Parse("01990000-0000-7000-8000-000000000102"));
        baku.Json["concept"]!.GetValue<string>().ShouldBe("Rounds");
        baku.Json["understandingIds"]!.AsArray().Select(i => i!.GetValue<Guid>()).ShouldContain(zone);
    }
}
