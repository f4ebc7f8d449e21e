using System.Net;
using System.Text.Json.Nodes;
using Negotiations.Tests.Demo;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Timeline;

/// <summary>The timeline of the southern Syria report: in order of occurrence, filtered, paged.</summary>
public class DemoTimelineTests(DemoFixture app) : IClassFixture<DemoFixture>
{
    private const string Zone = "01990000-0000-7000-8000-000000000001";
    private const string SecurityUnderstanding = "01990000-0000-7000-8000-000000000004";

    private async Task<List<JsonNode>> All() => (await app.Timeline("?pageSize=200")).Entries();

    private static List<Guid> Where(List<JsonNode> entries, Func<JsonNode, bool> keep) => entries.Where(keep).Select(e => e.Id()).ToList();

    private static string Text(JsonNode entry, string property) => entry[property]!.GetValue<string>();

    [Fact]
    public async Task Every_development_of_the_report_is_on_the_timeline_in_order_of_occurrence()
    {
        var all = await All();

        ((long)all.Count).ShouldBe(await app.EventCount());
        all.Count.ShouldBe(25);
        var order = all.Select(e => (From: DateOnly.Parse(Text(e, "occurredFrom")), Sequence: e["sequence"]!.GetValue<long>())).ToList();
        order.ShouldBe(order.OrderBy(o => o.From).ThenBy(o => o.Sequence).ToList());

        // The withdrawal may have begun in July: it comes first, though it was logged late in the report; the July
        // clashes and air strikes follow it, logged last.
        Text(all[0], "eventType").ShouldBe("withdrawal_declared");
        Text(all[0], "summary").ShouldStartWith("Withdrawal declared: Syria; heavy weapons");
        all.Skip(1).Take(2).Select(e => Text(e, "eventType")).ShouldBe(["incident_reported", "incident_reported"]);
        Text(all[3], "eventType").ShouldBe("held_round_reported");
        all.ShouldAllBe(e => e["takenBack"] == null && e["recordedBy"] != null);
    }

    [Fact]
    public async Task The_timeline_of_one_understanding_gathers_every_stream_that_concerns_it()
    {
        var page = await app.Timeline($"?understandingId={Zone}");

        page.Entries().Select(e => Text(e, "concept")).Distinct().Order().ShouldBe(["Rounds", "Statements", "Understandings", "Zones"]);
        page["total"]!.GetValue<long>().ShouldBe(9); // with the zone drawn on the map
        (await app.Timeline($"?understandingId={SecurityUnderstanding}&concept=rounds")).Entries().Count.ShouldBe(2);
    }

    [Fact]
    public async Task Filters_by_party_concept_and_source_pick_exactly_the_matching_developments()
    {
        var all = await All();

        (await app.Timeline("?party=JORDAN&pageSize=200")).Ids()
            .ShouldBe(Where(all, e => Text(e, "mentions").Contains("jordan")));
        (await app.Timeline("?party=Jordan&pageSize=200")).Ids().Count.ShouldBeInRange(5, all.Count - 5);

        var rounds = (await app.Timeline("?concept=Rounds")).Entries();
        rounds.Select(e => Text(e, "eventType")).ShouldBe(["held_round_reported", "round_scheduled"]);

        var observatory = (await app.Timeline("?source=observatory")).Entries().Single();
        Text(observatory, "eventType").ShouldBe("casualty_claim_published");
        (await app.Timeline("?source=diplomats")).Ids().ShouldBe(Where(all, e => e["sources"]!.AsArray().Any(s => Text(s!, "name") == "Diplomats")));
    }

    [Fact]
    public async Task Dates_match_developments_whose_occurrence_overlaps_them_and_as_of_counts_what_had_begun_by_then()
    {
        var all = await All();

        var summer = await app.Timeline("?from=2025-07-01&to=2025-08-31");
        summer.Entries().Select(e => Text(e, "eventType")).ShouldBe(["withdrawal_declared", "incident_reported", "incident_reported", "held_round_reported"]);

        (await app.Timeline("?asOf=2025-08-31")).Ids().ShouldBe(summer.Ids());
        (await app.Timeline("?asOf=2025-09-14&pageSize=200")).Ids()
            .ShouldBe(Where(all, e => DateOnly.Parse(Text(e, "occurredFrom")) <= new DateOnly(2025, 9, 14)));
        (await app.Timeline("?from=2025-09-15&pageSize=200")).Ids()
            .ShouldBe(Where(all, e => DateOnly.Parse(Text(e, "occurredUntil")) >= new DateOnly(2025, 9, 15)));
        (await app.Timeline("?to=2024-12-31"))["total"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task Pages_follow_one_another_with_the_total_count()
    {
        var all = (await All()).Select(e => e.Id()).ToList();

        var second = await app.Timeline("?page=2&pageSize=5");
        second.Ids().ShouldBe(all.Skip(5).Take(5).ToList());
        second["total"]!.GetValue<long>().ShouldBe(all.Count);
        second["pageCount"]!.GetValue<long>().ShouldBe((all.Count + 4) / 5);
        second["page"]!.GetValue<int>().ShouldBe(2);

        (await app.Timeline("?page=5&pageSize=5")).Ids().ShouldBe(all.Skip(20).ToList());
        var beyond = await app.Timeline("?page=9&pageSize=5");
        beyond.Entries().ShouldBeEmpty();
        beyond["total"]!.GetValue<long>().ShouldBe(all.Count);
        (await app.Timeline())["pageSize"]!.GetValue<int>().ShouldBe(50);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("concept=Weather", "concept")]
    [InlineData("from=2025-09-20&to=2025-09-01", "to")]
    [InlineData("party=%20", "party")]
    public async Task Bad_parameters_are_refused_naming_them(string query, string parameter)
    {
        var reply = (await app.Get("/api/timeline?" + query)).ShouldBeProblem(HttpStatusCode.BadRequest);
        reply.Errors!.ContainsKey(parameter).ShouldBeTrue(reply.Body!.ToJsonString());
    }

    [Theory]
    [InlineData("from=15-09-2025", "from")]
    [InlineData("asOf=yesterday", "asOf")]
    [InlineData("knownAt=soon", "knownAt")]
    [InlineData("page=two", "page")]
    [InlineData("understandingId=zone", "understandingId")]
    [InlineData("includeTakenBack=maybe", "includeTakenBack")]
    public async Task Unreadable_parameters_are_refused_naming_them(string query, string parameter)
    {
        var reply = (await app.Get("/api/timeline?" + query)).ShouldBeProblem(HttpStatusCode.BadRequest);
        reply.Body!.ToJsonString().ShouldContain(parameter);
    }

    [Fact]
    public async Task An_unknown_understanding_is_a_404()
    {
        (await app.Get($"/api/timeline?understandingId={Guid.CreateVersion7()}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_parameter_and_answer()
    {
        var operation = (await app.Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK).Body!["paths"]!["/api/timeline"]!["get"]!;

        operation["operationId"]!.GetValue<string>().ShouldBe("GetTimeline");
        operation["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Order().ShouldBe(
            ["asOf", "concept", "from", "includeTakenBack", "knownAt", "page", "pageSize", "party", "source", "to", "understandingId"]);
        operation["responses"]!.AsObject().Select(r => r.Key).Order().ShouldBe(["200", "400", "404"]);
        operation["responses"]!["200"]!["content"]!["application/json"].ShouldNotBeNull();
    }
}
