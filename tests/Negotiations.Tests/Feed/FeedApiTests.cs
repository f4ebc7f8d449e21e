using System.Net;
using Negotiations.Feed;
using Negotiations.Tests.Rounds;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Feed;

public class FeedApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<Guid> Propose()
    {
        var reply = (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created);
        return reply.Id;
    }

    [Fact]
    public async Task A_development_posted_after_connecting_arrives_with_its_sequence_as_id()
    {
        await using var feed = await FeedClient.ConnectAsync(app);
        var hello = await feed.NextAsync();
        hello.ShouldNotBeNull();
        hello.Type.ShouldBe(FeedKind.Heartbeat);
        hello.Id.ShouldBeNull();

        var understanding = await Propose();
        var round = (await app.Post("/api/rounds", GivenRounds.InBaku([understanding]))).ShouldBe(HttpStatusCode.Created).Id;

        var proposed = await feed.NextEventAsync();
        var scheduled = await feed.NextEventAsync();

        var stored = (await app.StreamOf(understanding)).Single();
        proposed.Type.ShouldBe(FeedKind.Development);
        proposed.Sequence.ShouldBe(stored.Sequence);
        proposed.Json["sequence"]!.GetValue<long>().ShouldBe(stored.Sequence);
        proposed.Json["eventId"]!.GetValue<Guid>().ShouldBe(stored.Id);
        proposed.Json["streamId"]!.GetValue<Guid>().ShouldBe(understanding);
        proposed.Json["concept"]!.GetValue<string>().ShouldBe("Understandings");
        proposed.Json["eventType"]!.GetValue<string>().ShouldBe(stored.EventTypeName);
        proposed.Json["recordedBy"]!.GetValue<string>().ShouldBe("local-monitor");
        proposed.Json["occurred"]!["from"]!.GetValue<string>().ShouldBe("2025-09-15");
        proposed.Json["data"]!["title"]!.GetValue<string>().ShouldBe("Southern Syria demilitarised zone");

        scheduled.Sequence.ShouldBeGreaterThan(proposed.Sequence);
        scheduled.Json["streamId"]!.GetValue<Guid>().ShouldBe(round);
        scheduled.Json["concept"]!.GetValue<string>().ShouldBe("Rounds");
        scheduled.Json["understandingIds"]!.AsArray().Single()!.GetValue<Guid>().ShouldBe(understanding);
        scheduled.Json["data"]!["venue"]!.GetValue<string>().ShouldBe("Baku");
    }
}
