using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Negotiations.Tests.Support;
using Negotiations.Understandings;

namespace Negotiations.Tests.Import;

public class ImportApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static string Line(string command, object body)
    {
        var node = JsonSerializer.SerializeToNode(body, Api.Json)!.AsObject();
        node["command"] = command;
        return node.ToJsonString();
    }

    private async Task<List<JsonObject>> Import(string report)
    {
        var content = new StringContent(report, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var reply = await app.Send(HttpMethod.Post, "/api/import", content, null);
        reply.Status.ShouldBe(HttpStatusCode.OK);
        reply.Message.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");
        var text = await reply.Message.Content.ReadAsStringAsync();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
    }

    [Fact]
    public async Task A_line_naming_a_property_twice_is_refused_and_the_next_line_still_applies()
    {
        var id = Guid.CreateVersion7();
        var results = await Import(string.Join("\n",
            """{"command":"ChangeStage","understandingId":"0198f000-0000-7000-8000-000000000001","version":1,"version":2}""",
            Line("ProposeUnderstanding", Given.DemilitarisedZone(id))));

        results[0]["status"]!.GetValue<int>().ShouldBe(400);
        results[0]["result"]!["detail"]!.GetValue<string>().ShouldStartWith("Not JSON");
        results[1]["status"]!.GetValue<int>().ShouldBe(201);
    }

    [Fact]
    public async Task A_line_the_command_cannot_read_names_its_field_as_over_http()
    {
        var id = Guid.CreateVersion7();
        var results = await Import(string.Join("\n",
            Line("ProposeUnderstanding", Given.DemilitarisedZone(id)),
            Line("ChangeStage", new { understandingId = id, stage = 3, version = 1, provenance = Given.Reported() }),
            """{"command":"ChangeStage","understandingId":"0198f000-0000-7000-8000-000000000001","version":"one"}"""));

        results.Take(3).Select(r => r["status"]!.GetValue<int>()).ShouldBe([201, 400, 400]);
        results[1]["result"]!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["stage"]);
        results[2]["result"]!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["version"]);
        results.Take(3).ShouldAllBe(r => !r.ToJsonString().Contains("Negotiations."));
        (await app.StreamOf(id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Valid_lines_are_applied_and_invalid_ones_reported_by_line_number()
    {
        var id = Guid.CreateVersion7();
        var report = string.Join("\n",
            Line("ProposeUnderstanding", Given.DemilitarisedZone(id)),
            "{ not json",
            Line("NoSuchCommand", new { }),
            "",
            Line("ChangeStage", new { stage = "ceasefire", version = 1, provenance = Given.Reported() }),
            Line("ChangeStage", new { understandingId = id, stage = "ceasefire", version = 1, provenance = Given.Reported() }),
            Line("ChangeStage", new { understandingId = id, stage = "implementation", version = 1, provenance = Given.Reported() }),
            Line("ChangeLifecycle", new { understandingId = Guid.CreateVersion7(), status = "agreed", version = 1, provenance = Given.Reported() }),
            Line("ProposeUnderstanding", Given.DemilitarisedZone() with { Title = "" }));

        var results = await Import(report);

        results.Select(r => r["line"]?.GetValue<int>()).ShouldBe([1, 2, 3, 5, 6, 7, 8, 9, null]);
        results.Take(8).Select(r => r["status"]!.GetValue<int>()).ShouldBe([201, 400, 400, 400, 200, 409, 404, 400]);
        results[0]["location"]!.GetValue<string>().ShouldBe($"/api/understandings/{id}");
        results[3]["result"]!["detail"]!.GetValue<string>().ShouldContain("understandingId");
        results[1]["result"]!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["$"]);
        results[2]["result"]!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["command"]);
        results[3]["result"]!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["understandingId"]);
        results[6]["result"]!["status"]!.GetValue<int>().ShouldBe(404);
        results[7]["result"]!["errors"]!["title"].ShouldNotBeNull();
        results[^1]["summary"]!.ToJsonString().ShouldBe("""{"lines":8,"applied":2,"rejected":6}""");

        var stream = await app.StreamOf(id);
        stream.Select(e => e.Data.GetType()).ShouldBe([typeof(UnderstandingProposed), typeof(UnderstandingStageChanged)]);
        stream.ShouldAllBe(e => e.UserName == TestKeys.EverythingUser);
    }

    [Theory]
    [InlineData("VerifyChain")]
    [InlineData("CreateCheckpoint")]
    [InlineData("FreezeRelease")]
    public async Task An_auditors_operation_is_not_a_command_of_a_field_report(string operation)
    {
        var results = await Import(Line(operation, new { }));
        results[0]["status"]!.GetValue<int>().ShouldBe(400);
        results[0]["result"]!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["command"]);
    }

    [Fact]
    public async Task The_demo_scenario_imports_cleanly_into_an_empty_schema()
    {
        using var reader = Negotiations.Operations.Demo.DemoScenario.Open();
        var results = await Import(await reader.ReadToEndAsync());

        var summary = results[^1]["summary"]!;
        summary["rejected"]!.GetValue<int>().ShouldBe(0, string.Join("\n", results.Where(r => r["status"]?.GetValue<int>() >= 300).Select(r => r.ToJsonString())));
        summary["applied"]!.GetValue<int>().ShouldBeGreaterThan(0);
        (await app.Get("/api/understandings/01990000-0000-7000-8000-000000000001")).Body!["status"]!.GetValue<string>().ShouldBe("under-negotiation");
    }
}
