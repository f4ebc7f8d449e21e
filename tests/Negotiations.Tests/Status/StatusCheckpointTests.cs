using System.Net;
using Marten;
using Negotiations.Statements;
using Negotiations.ReadModels.Status;
using Negotiations.Tests.Support;
using Negotiations.Understandings;

namespace Negotiations.Tests.Status;

/// <summary>Time travel starts from checkpoints and reads only what may count; the answer is the fold of every event.</summary>
public class StatusCheckpointTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Start = new(2024, 1, 1);

    [Fact]
    public async Task Status_on_either_axis_from_checkpoints_equals_the_fold_of_every_event()
    {
        var id = (await app.Post("/api/understandings", Given.DemilitarisedZone())).Id;
        var recorded = new List<DateTimeOffset>();
        for (var batch = 0; batch < 5; batch++)
        {
            await using var session = app.Store.LightweightSession();
            for (var i = 0; i < 150; i++)
            {
                var n = batch * 150 + i;
                // Mostly in the order they occurred; every seventh reported late, about something long before.
                var occurred = n % 7 == 6 ? Start.AddDays(n / 3) : Start.AddDays(n);
                session.Events.Append(id, new UnderstandingStageChanged(id, n % 2 == 0 ? PaxStage.Ceasefire : PaxStage.FrameworkPartial, Given.Reported(occurred)));
            }
            await session.SaveChangesAsync();
            recorded.Add((await app.StreamOf(id))[^1].Timestamp);
        }
        var early = (await app.StreamOf(id))[40];
        (await app.Post($"/api/developments/{early.Id}/correction",
                new { reason = "It was a framework", replacement = new UnderstandingStageChanged(id, PaxStage.FrameworkComprehensive, Given.Reported(Start.AddDays(40))) }))
            .ShouldBe(HttpStatusCode.OK);

        DateOnly?[] dates = [null, Start.AddDays(10), Start.AddDays(39), Start.AddDays(200), Start.AddDays(420), Start.AddDays(749), Start.AddDays(3000)];
        DateTimeOffset?[] moments = [null, recorded[0], recorded[2], recorded[4]];
        foreach (var asOf in dates)
        foreach (var knownAt in moments)
            (await FromCheckpoints(id, asOf, knownAt)).ShouldBe(await FromEveryEvent(id, asOf, knownAt), $"asOf {asOf}, knownAt {knownAt}");

        await using var query = app.Store.QuerySession();
        var trail = (await query.LoadAsync<StatusTrail>(id))!;
        trail.Marks.Count.ShouldBeGreaterThan(1);
        trail.Marks.Select(m => m.Sequence).ShouldBeInOrder();

        // Cut at a sequence, as a release cuts the record: before, at and after the marks, and inside a segment.
        var stream = await app.StreamOf(id);
        long[] cuts = [stream[100].Sequence, trail.Marks[0].Sequence, trail.Marks[0].Sequence + 10, stream[600].Sequence, stream[^1].Sequence];
        foreach (var asOf in dates)
        foreach (var through in cuts)
            (await FromCheckpoints(id, asOf, null, through)).ShouldBe(await FromEveryEvent(id, asOf, null, through), $"asOf {asOf}, through {through}");
        (await FromCheckpoints(id, null, null, cuts[0])).ShouldNotBe(await FromCheckpoints(id, null, null, cuts[^1]));
    }

    [Fact]
    public async Task A_stream_linked_later_with_earlier_events_has_the_trail_cut_again()
    {
        var other = (await app.Post("/api/understandings", Given.DemilitarisedZone())).Id;
        var id = (await app.Post("/api/understandings", Given.DemilitarisedZone())).Id;
        var statement = Guid.CreateVersion7();
        await using (var session = app.Store.LightweightSession())
        {
            session.Events.StartStream<Statement>(statement,
                new StatementMade(statement, "Envoy", null, PartyRole.Mediator, "Talks go on", null, [other], Given.Reported(Start)));
            for (var i = 0; i < 300; i++)
                session.Events.Append(id, new UnderstandingStageChanged(id, i % 2 == 0 ? PaxStage.Ceasefire : PaxStage.FrameworkPartial, Given.Reported(Start.AddDays(i))));
            await session.SaveChangesAsync();
        }
        (await FromCheckpoints(id, null, null)).ShouldBe(await FromEveryEvent(id, null, null));
        var cut = await Trail(id);
        cut.Marks.ShouldNotBeEmpty();

        // The statement's stream comes to concern this understanding too (no command does that today, but the store
        // may hold it): its first event comes before the trail's marks.
        await using (var session = app.Store.LightweightSession())
        {
            session.Events.Append(statement, new StatementMade(statement, "Envoy", null, PartyRole.Mediator, "About both", null, [other, id], Given.Reported(Start)));
            await session.SaveChangesAsync();
        }

        foreach (var asOf in new DateOnly?[] { null, Start, Start.AddDays(150) })
            (await FromCheckpoints(id, asOf, null)).ShouldBe(await FromEveryEvent(id, asOf, null));
        (await Trail(id)).Versions.Keys.ShouldContain(statement);
    }

    private async Task<StatusTrail> Trail(Guid id)
    {
        await using var query = app.Store.QuerySession();
        return (await query.LoadAsync<StatusTrail>(id))!;
    }

    private async Task<string> FromCheckpoints(Guid id, DateOnly? asOf, DateTimeOffset? knownAt, long? through = null)
    {
        await using var query = app.Store.QuerySession();
        return app.Store.Options.Serializer().ToJson(await StatusHistory.FoldAsync(query, id, asOf, knownAt, through, CancellationToken.None));
    }

    private async Task<string> FromEveryEvent(Guid id, DateOnly? asOf, DateTimeOffset? knownAt, long? through = null)
    {
        await using var query = app.Store.QuerySession();
        var events = await StatusHistory.EventsAsync(query, id, knownAt, CancellationToken.None);
        return app.Store.Options.Serializer().ToJson(StatusHistory.Fold(id, events!.Where(e => through is null || e.Sequence <= through).ToList(), asOf));
    }
}
