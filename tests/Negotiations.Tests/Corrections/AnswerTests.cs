using System.Net;
using System.Text.Json;
using Negotiations.Tests.Support;
using Negotiations.Understandings;

namespace Negotiations.Tests.Corrections;

/// <summary>A command on an existing stream answers its write model folded before the commit: exactly the stored one.</summary>
public class AnswerTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_answer_is_the_write_model_the_store_holds_after_the_commit()
    {
        var id = (await app.Post("/api/understandings", Given.DemilitarisedZone())).Id;
        var staged = (await app.Post($"/api/understandings/{id}/stage", new ChangeStage(PaxStage.Ceasefire, Given.Reported(), 1))).ShouldBe(HttpStatusCode.OK);
        var moved = (await app.Post($"/api/understandings/{id}/lifecycle", new ChangeLifecycle(Lifecycle.UnderNegotiation, "Talks began", Given.Reported(), 2)))
            .ShouldBe(HttpStatusCode.OK);

        await using (var session = app.Store.QuerySession())
        {
            var stored = await session.LoadAsync<Understanding>(id);
            moved.Body!.ToJsonString().ShouldBe(JsonSerializer.Serialize(stored, Api.Json));
        }
        staged.Body!["version"]!.GetValue<int>().ShouldBe(2);
        // What readers see of it is at the same version.
        var details = (await app.Get($"/api/understandings/{id}")).ShouldBe(HttpStatusCode.OK).Body!;
        (details["stage"]!.GetValue<string>(), details["status"]!.GetValue<string>(), details["version"]!.GetValue<int>())
            .ShouldBe((moved.Body["stage"]!.GetValue<string>(), moved.Body["status"]!.GetValue<string>(), 3));

        // Stored at the versions the answer was folded at, under their own type names.
        var stream = await app.StreamOf(id);
        stream.Select(e => e.Version).ShouldBe([1, 2, 3]);
        stream[1].EventTypeName.ShouldBe("understanding_stage_changed");
    }
}
