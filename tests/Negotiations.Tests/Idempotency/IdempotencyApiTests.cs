using System.Net;
using Negotiations.Tests.Support;
using Negotiations.Understandings;

namespace Negotiations.Tests.Idempotency;

public class IdempotencyApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static Dictionary<string, string> Key(string key) => new() { ["Idempotency-Key"] = key };

    [Fact]
    public async Task A_retry_with_the_same_key_returns_the_first_answer_and_appends_nothing()
    {
        var command = Given.DemilitarisedZone();
        var key = Key(Guid.NewGuid().ToString());

        var first = (await app.Post("/api/understandings", command, key)).ShouldBe(HttpStatusCode.Created);
        var before = await app.EventCount();
        var second = (await app.Post("/api/understandings", command, key)).ShouldBe(HttpStatusCode.Created);
        var third = (await app.Post("/api/understandings", command, key)).ShouldBe(HttpStatusCode.Created);

        second.Id.ShouldBe(first.Id);
        third.Message.Headers.Location.ShouldBe(first.Message.Headers.Location);
        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_and_appends_nothing()
    {
        var key = Key(Guid.NewGuid().ToString());
        await app.Post("/api/understandings", Given.DemilitarisedZone(), key);
        var before = await app.EventCount();

        var reply = await app.Post("/api/understandings", Given.DemilitarisedZone() with { Title = "Another zone" }, key);

        reply.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_retried_change_on_an_existing_stream_is_answered_without_a_version_conflict()
    {
        var id = (await app.Post("/api/understandings", Given.DemilitarisedZone())).Id;
        var key = Key(Guid.NewGuid().ToString());
        var change = new ChangeStage(PaxStage.Ceasefire, Given.Reported(), 1);

        (await app.Post($"/api/understandings/{id}/stage", change, key)).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/understandings/{id}/stage", change, key)).ShouldBe(HttpStatusCode.OK);

        (await app.StreamOf(id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Without_a_key_each_request_stands_alone()
    {
        var command = Given.DemilitarisedZone();
        var first = await app.Post("/api/understandings", command);
        var second = await app.Post("/api/understandings", command);
        second.Id.ShouldNotBe(first.Id);
    }
}
