using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Negotiations.Tests.Support;
using Negotiations.Understandings;

namespace Negotiations.Tests.Rounds;

/// <summary>
/// The demo scenario's rounds and statements, as import lines: each line goes, as it is, to the endpoint its
/// "command" names, with route parameters taken from the line's properties of the same name.
/// </summary>
public class DemoLinesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly Dictionary<string, string> Routes = new()
    {
        ["ScheduleRound"] = "/api/rounds",
        ["ReportHeldRound"] = "/api/rounds/held",
        ["RescheduleRound"] = "/api/rounds/{roundId}/schedule",
        ["HoldRound"] = "/api/rounds/{roundId}/outcome",
        ["PostponeRound"] = "/api/rounds/{roundId}/postponement",
        ["CancelRound"] = "/api/rounds/{roundId}/cancellation",
        ["MakeStatement"] = "/api/statements",
    };

    private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private Task<Reply> Send(string line)
    {
        var json = JsonNode.Parse(line)!.AsObject();
        var route = Routes[json["command"]!.GetValue<string>()];
        foreach (var (name, value) in json) route = route.Replace($"{{{name}}}", value?.ToString());
        return app.PostRaw(route, line);
    }

    [Fact]
    public async Task The_demo_lines_load_and_read_back()
    {
        foreach (var n in new[] { 1, 2, 3, 4 })
            (await app.Post("/api/understandings", Given.DemilitarisedZone(Guid.Parse($"01990000-0000-7000-8000-00000000000{n}")))).ShouldBe(HttpStatusCode.Created);

        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(Here(), "demo-rounds-and-statements.jsonl")))
            (await Send(line)).ShouldBe(HttpStatusCode.Created);

        var baku = (await app.Get("/api/rounds/01990000-0000-7000-8000-000000000102")).ShouldBe(HttpStatusCode.OK).Body!;
        baku["venue"]!.GetValue<string>().ShouldBe("Baku");
        baku["status"]!.GetValue<string>().ShouldBe("scheduled");
        var met = (await app.Get("/api/rounds/01990000-0000-7000-8000-000000000101")).ShouldBe(HttpStatusCode.OK).Body!;
        met["status"]!.GetValue<string>().ShouldBe("held");
        met["venue"].ShouldBeNull();
        (await app.Get("/api/statements/01990000-0000-7000-8000-000000000704")).ShouldBe(HttpStatusCode.OK)
            .Body!["role"]!.GetValue<string>().ShouldBe("backer");

        // A later line for an existing stream carries its route parameter and the command name as extra properties.
        (await Send("""
            {"command":"PostponeRound","roundId":"01990000-0000-7000-8000-000000000102","reason":"Delegations not ready","version":1,
             "provenance":{"sources":[{"name":"Diplomats","kind":"diplomatic"}],"occurred":{"from":"2025-09-18"}}}
            """.ReplaceLineEndings(" "))).ShouldBe(HttpStatusCode.OK).Body!["status"]!.GetValue<string>().ShouldBe("postponed");
    }

    [Fact]
    public async Task The_openapi_document_describes_every_round_and_statement_endpoint_with_its_errors()
    {
        var document = (await app.Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK).Body!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Id: o.Value!["operationId"]?.GetValue<string>(), Responses: o.Value!["responses"]!.AsObject())))
            .ToDictionary(o => o.Id ?? "", o => o.Responses.Select(r => r.Key).ToArray());

        foreach (var id in new[] { "RescheduleRound", "HoldRound", "PostponeRound", "CancelRound" })
            operations[id].ShouldBe(["200", "400", "404", "409", "422"], ignoreOrder: true, customMessage: id);
        // Every command also answers 422 for an Idempotency-Key reused with another request.
        foreach (var id in new[] { "ScheduleRound", "ReportHeldRound", "MakeStatement" })
            operations[id].ShouldBe(["201", "400", "404", "409", "422"], ignoreOrder: true, customMessage: id);
        operations["GetRound"].ShouldContain("404");
        operations["GetStatement"].ShouldContain("404");
    }
}
