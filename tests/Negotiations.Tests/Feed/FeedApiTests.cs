using System.Net;
using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.ReadModels.Feed;
using Negotiations.Understandings;
using Npgsql;
using Negotiations.Tests.Rounds;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Feed;

/// <summary>The live feed through HTTP, reading the response stream as a dashboard's EventSource would.</summary>
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
        proposed.Json["recordedBy"]!.GetValue<string>().ShouldBe(TestKeys.EverythingUser);
        proposed.Json["occurred"]!["from"]!.GetValue<string>().ShouldBe("2025-09-15");
        proposed.Json["data"]!["title"]!.GetValue<string>().ShouldBe("Southern Syria demilitarised zone");

        scheduled.Sequence.ShouldBeGreaterThan(proposed.Sequence);
        scheduled.Json["streamId"]!.GetValue<Guid>().ShouldBe(round);
        scheduled.Json["concept"]!.GetValue<string>().ShouldBe("Rounds");
        scheduled.Json["understandingIds"]!.AsArray().Single()!.GetValue<Guid>().ShouldBe(understanding);
        scheduled.Json["data"]!["venue"]!.GetValue<string>().ShouldBe("Baku");
    }

    [Fact]
    public async Task Reconnecting_with_Last_Event_ID_resumes_exactly_after_it_nothing_missed_nothing_twice()
    {
        var start = await app.LastSequence();
        var first = await Propose();
        var second = await Propose();

        long received;
        await using (var feed = await FeedClient.ConnectAsync(app, $"/api/feed?after={start}"))
        {
            var e = await feed.NextEventAsync();
            e.StreamId().ShouldBe(first);
            received = e.Sequence;
        }
        var third = await Propose();

        // An EventSource reconnects to the same URL and adds the header: the header wins.
        await using var resumed = await FeedClient.ConnectAsync(app, $"/api/feed?after={start}", lastEventId: received);
        var seen = await resumed.UntilAsync(e => e.StreamId() == third);

        seen.Select(e => e.StreamId()).ShouldBe([second, third]);
        seen[0].Sequence.ShouldBeGreaterThan(received);
        await using var session = app.Store.QuerySession();
        var stored = await session.Events.QueryAllRawEvents().Where(e => e.Sequence > start).OrderBy(e => e.Sequence).ToListAsync();
        stored.Select(e => e.Sequence).ShouldBe([received, .. seen.Select(e => e.Sequence)]);
    }

    [Fact]
    public async Task An_event_whose_transaction_commits_late_with_a_lower_sequence_is_not_skipped()
    {
        var hub = app.Host.Services.GetRequiredService<FeedHub>();
        var start = await app.LastSequence();
        await using var feed = await FeedClient.ConnectAsync(app, $"/api/feed?after={start}");

        // A slow transaction takes its sequence number and stays open...
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var slow = await connection.BeginTransactionAsync();
        var late = Guid.CreateVersion7();
        await using (var session = app.Store.LightweightSession(SessionOptions.ForTransaction(slow)))
        {
            var proposal = Given.DemilitarisedZone();
            session.Events.StartStream<Understanding>(late,
                new UnderstandingProposed(late, "Late", proposal.Kind, proposal.Parties, proposal.Stage, proposal.Provenance));
            await session.SaveChangesAsync();
        }
        // ...while a later one commits a higher sequence, and the reader polls with both in sight.
        var quick = await Propose();
        await hub.NextPollAsync();
        await hub.NextPollAsync();
        await slow.CommitAsync();

        var seen = await feed.UntilAsync(e => e.StreamId() == quick);
        seen.Select(e => e.StreamId()).ShouldBe([late, quick]);
        seen[0].Sequence.ShouldBeLessThan(seen[1].Sequence);
    }

    [Theory]
    [InlineData("/api/feed?after=abc", null, "after")]
    [InlineData("/api/feed?after=-1", null, "after")]
    [InlineData("/api/feed?after=99999999", null, "after")]
    [InlineData("/api/feed", "twelve", "Last-Event-ID")]
    [InlineData("/api/feed?after=0", "1.5", "Last-Event-ID")]
    [InlineData("/api/feed", "99999999", "Last-Event-ID")]
    public async Task A_position_that_is_not_a_sequence_of_this_store_is_refused(string url, string? lastEventId, string field)
    {
        var headers = lastEventId is null ? null : new Dictionary<string, string> { ["Last-Event-ID"] = lastEventId };
        var reply = (await app.Send(HttpMethod.Get, url, null, headers)).ShouldBeProblem(HttpStatusCode.BadRequest);
        reply.Errors!.ContainsKey(field).ShouldBeTrue(reply.Body!.ToJsonString());
    }
}

/// <summary>The feed as the OpenAPI document describes it.</summary>
public class FeedDocumentTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_feed_is_documented_as_an_event_stream_with_its_resume_parameters()
    {
        var document = (await app.Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK).Body!;
        var operation = document["paths"]!["/api/feed"]!["get"]!;

        operation["operationId"]!.GetValue<string>().ShouldBe("FollowFeed");
        operation["description"]!.GetValue<string>().ShouldContain("Last-Event-ID");
        operation["responses"]!["200"]!["content"]!.AsObject().Select(c => c.Key).ShouldContain("text/event-stream");
        operation["responses"]!["400"]!["content"]!.AsObject().Select(c => c.Key).ShouldContain("application/problem+json");
        var parameters = operation["parameters"]!.AsArray().Select(p => (p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>())).ToList();
        parameters.ShouldContain(("Last-Event-ID", "header"));
        parameters.ShouldContain(("after", "query"));
    }
}
