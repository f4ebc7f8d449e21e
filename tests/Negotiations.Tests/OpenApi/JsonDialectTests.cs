using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.OpenApi;

/// <summary>The API reads and answers what its document says: numbers as JSON numbers, reliability as the Admiralty letter.</summary>
public class JsonDialectTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static string Proposal() => JsonSerializer.Serialize(Given.DemilitarisedZone(), Api.Json);

    [Fact]
    public async Task The_document_types_every_number_as_a_number_only()
    {
        var document = (await app.Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK).Body!;
        var loose = document.ToJsonString().Split("\"type\":").Skip(1)
            .Where(t => t.StartsWith('[') && t[..t.IndexOf(']')] is var types && types.Contains("\"string\"") && (types.Contains("\"integer\"") || types.Contains("\"number\"")))
            .ToList();
        loose.ShouldBeEmpty();
        document["components"]!["schemas"]!["Source"]!["properties"]!["credibility"]!["type"]!.GetValue<string>().ShouldBe("integer");
    }

    [Fact]
    public async Task A_number_sent_as_a_string_is_refused_and_appends_nothing()
    {
        var proposal = Proposal();
        proposal.ShouldContain("\"credibility\":2");
        var before = await app.EventCount();

        (await app.PostRaw("/api/understandings", proposal.Replace("\"credibility\":2", "\"credibility\":\"2\""))).ShouldBe(HttpStatusCode.BadRequest);

        (await app.EventCount()).ShouldBe(before);
        (await app.PostRaw("/api/understandings", proposal)).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Reliability_is_read_in_either_case_and_stored_and_answered_as_the_capital_letter()
    {
        var document = (await app.Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK).Body!;
        document["components"]!["schemas"]!["Reliability"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["A", "B", "C", "D", "E", "F"]);
        var proposal = Proposal();
        proposal.ShouldContain("\"reliability\":\"B\"");

        var id = (await app.PostRaw("/api/understandings", proposal.Replace("\"reliability\":\"B\"", "\"reliability\":\"b\""))).ShouldBe(HttpStatusCode.Created).Id;

        var history = (await app.Get($"/api/audit/streams/{id}/events")).ShouldBe(HttpStatusCode.OK).Body!;
        var stored = history["events"]!.AsArray().Single()!;
        stored["data"]!["provenance"]!["sources"]![0]!["reliability"]!.GetValue<string>().ShouldBe("B");
        stored["sources"]![0]!["reliability"]!.GetValue<string>().ShouldBe("B");
    }
}
