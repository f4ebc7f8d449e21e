using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Negotiations.Tests.Hosting;
using Negotiations.Tests.Support;
using Negotiations.Understandings;

namespace Negotiations.Tests.Hostile;

/// <summary>
/// JSON nested deeper than the API reads (64 objects and arrays one inside another) is well formed but refused: a 400
/// in the API's words keyed by the field it was in, an import line refused like any other unreadable line, nothing
/// appended and nothing logged as a failure. An import sent without a Content-Type is read as its lines.
/// </summary>
public class DeepJsonTests(RecordedLogsFixture app) : IClassFixture<RecordedLogsFixture>
{
    /// <summary>{"a":{"a":...1...}}, <paramref name="depth"/> objects one inside another.</summary>
    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    [Theory]
    [InlineData(null)]
    [InlineData("application/x-ndjson")]
    public async Task An_import_line_nested_too_deeply_is_refused_and_the_next_line_still_applies(string? contentType)
    {
        var id = Guid.CreateVersion7();
        var proposal = JsonSerializer.SerializeToNode(Given.DemilitarisedZone(id), Api.Json)!.AsObject();
        proposal["command"] = nameof(ProposeUnderstanding);
        var before = await app.EventCount();
        var logged = app.Logs.Entries.Count;

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Nested(3500) + "\n" + proposal.ToJsonString()));
        if (contentType is not null) content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var reply = await app.Send(HttpMethod.Post, "/api/import", content, null);

        reply.Status.ShouldBe(HttpStatusCode.OK);
        var lines = (await reply.Message.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        lines.Count.ShouldBe(3);
        lines[0]["status"]!.GetValue<int>().ShouldBe(400);
        var refused = lines[0]["result"]!;
        refused["title"]!.GetValue<string>().ShouldBe("Line rejected");
        refused["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["$"]);
        refused["errors"]!["$"]![0]!.GetValue<string>().ShouldBe("The line is nested too deeply at byte 321: at most 64 objects and arrays may sit one inside another.");
        lines[1]["status"]!.GetValue<int>().ShouldBe(201);
        lines[2]["summary"]!.ToJsonString().ShouldBe("""{"lines":2,"applied":1,"rejected":1}""");
        // Only the second line's proposal is stored.
        (await app.EventCount()).ShouldBe(before + 1);
        (await app.StreamOf(id)).Count.ShouldBe(1);
        app.Logs.ShouldHaveNoFailureSince(logged);
    }

    [Fact]
    public async Task A_command_body_nested_too_deeply_is_a_400_naming_the_field_and_appends_nothing()
    {
        var before = await app.EventCount();
        var logged = app.Logs.Entries.Count;

        var unknown = (await app.PostRaw("/api/understandings", Nested(3500))).ShouldBeProblem(HttpStatusCode.BadRequest);
        var known = (await app.PostRaw("/api/understandings", $$"""{"title":"Zone","provenance":{{Nested(100)}}}""")).ShouldBeProblem(HttpStatusCode.BadRequest);

        InTheApisWords(unknown, "a", "Nested too deeply at line 1, byte 321: at most 64 objects and arrays may sit one inside another.");
        InTheApisWords(known, "provenance.a", "Nested too deeply at line 1, byte 345: at most 64 objects and arrays may sit one inside another.");
        (await app.EventCount()).ShouldBe(before);
        app.Logs.ShouldHaveNoFailureSince(logged);
    }

    [Fact]
    public async Task A_body_nested_as_deeply_as_allowed_is_read_and_judged_by_the_command()
    {
        var reply = (await app.PostRaw("/api/understandings", Nested(64))).ShouldBeProblem(HttpStatusCode.BadRequest);

        reply.Body!["title"]!.GetValue<string>().ShouldBe("The command is not valid");
        reply.Errors!.Select(e => e.Key).ShouldContain("title");
    }

    [Fact]
    public async Task A_correction_whose_replacement_is_nested_too_deeply_is_a_400_naming_the_replacement_and_appends_nothing()
    {
        var id = (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created).Id;
        (await app.Post($"/api/understandings/{id}/stage", new ChangeStage(PaxStage.Ceasefire, Given.Reported(), 1))).ShouldBe(HttpStatusCode.OK);
        var stageEvent = (await app.StreamOf(id))[1].Id;
        var before = await app.EventCount();
        var logged = app.Logs.Entries.Count;

        var reply = (await app.PostRaw($"/api/developments/{stageEvent}/correction", $$"""{"reason":"deep","replacement":{{Nested(3500)}}}"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest);

        InTheApisWords(reply, "replacement", "Nested too deeply at line 1, byte 347: at most 64 objects and arrays may sit one inside another.");
        (await app.EventCount()).ShouldBe(before);
        app.Logs.ShouldHaveNoFailureSince(logged);
    }

    private static void InTheApisWords(Reply reply, string field, string message)
    {
        reply.Body!["title"]!.GetValue<string>().ShouldBe("The body cannot be read as this command");
        reply.Errors!.Select(e => e.Key).ShouldBe([field], reply.Body!.ToJsonString());
        reply.Errors![field]![0]!.GetValue<string>().ShouldBe(message);
        var text = reply.Body!.ToJsonString();
        text.ShouldNotContain("Negotiations.");
        text.ShouldNotContain("System.");
    }
}
