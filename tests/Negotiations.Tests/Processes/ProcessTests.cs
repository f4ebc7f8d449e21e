using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Processes;

/// <summary>Two processes of other shapes than the demo's, from the public record (tests/Shared/Processes), imported as a monitor logs them.</summary>
public sealed class ProcessesFixture : AppFixture
{
    public static string Report(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Processes", name));

    public List<JsonObject> Colombia { get; private set; } = [];
    public List<JsonObject> Afghanistan { get; private set; } = [];

    protected override async Task SeedAsync()
    {
        Colombia = await ImportAsync("colombia-farc-2016.jsonl");
        Afghanistan = await ImportAsync("afghanistan-geneva-1988.jsonl");
    }

    private async Task<List<JsonObject>> ImportAsync(string name)
    {
        var content = new StringContent(Report(name), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var reply = await this.Send(HttpMethod.Post, "/api/import", content, null);
        reply.Status.ShouldBe(HttpStatusCode.OK);
        return (await reply.Message.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
    }
}

public class ProcessTests(ProcessesFixture app) : IClassFixture<ProcessesFixture>
{
    private const string Ceasefire = "01a10000-0000-7000-8000-000000000001", Cantonments = "01a10000-0000-7000-8000-000000000201";
    private const string Geneva = "01a20000-0000-7000-8000-000000000001", Afghanistan = "01a20000-0000-7000-8000-000000000201";

    [Fact]
    public void Every_line_of_both_reports_applies_with_no_workaround()
    {
        foreach (var results in new[] { app.Colombia, app.Afghanistan })
        {
            results[^1]["summary"]!["rejected"]!.GetValue<int>().ShouldBe(0, string.Join("\n", results.Where(r => r["status"]?.GetValue<int>() >= 400)));
            results.Count.ShouldBeGreaterThan(5);
        }
    }

    [Fact]
    public async Task The_farc_ep_cantonment_and_the_handover_of_7132_weapons_are_declared_and_the_un_mission_verifies_the_handover()
    {
        (await app.Get($"/api/understandings/{Ceasefire}")).ShouldBe(HttpStatusCode.OK).Body!["kind"]!.GetValue<string>().ShouldBe("disarmament");
        var stream = await app.StreamOf(Guid.Parse(Cantonments));
        var handover = stream.Single(e => e.Data is Negotiations.Zones.WithdrawalDeclared { Measure: Negotiations.Zones.ComplianceMeasure.Handover }).Id;
        (await app.Post($"/api/zones/{Cantonments}/withdrawals/verified",
            new Negotiations.Zones.AssessWithdrawal(handover, "United Nations Mission in Colombia", "Weapons stored in the Mission's containers", Given.Reported(new DateOnly(2017, 6, 27)), stream.Count)))
            .ShouldBe(HttpStatusCode.OK);

        var standing = (await app.Get($"/api/zones/{Cantonments}")).ShouldBe(HttpStatusCode.OK).Body!["standing"]!.AsArray();
        standing.Select(s => (s!["measure"]!.GetValue<string>(), s["status"]!.GetValue<string>())).ShouldBe([("cantonment", "declared"), ("handover", "verified")]);
        standing[0]!["declared"]!["precision"]!.GetValue<string>().ShouldBe("month"); // "2017-02", as written
        standing[1]!["count"]!.GetValue<int>().ShouldBe(7132);

        var links = (await app.Get($"/api/understandings/{Ceasefire}/links")).ShouldBe(HttpStatusCode.OK).Body!;
        links["zones"]![0]!["state"]!.GetValue<string>().ShouldContain("FARC-EP handed over 7,132 weapons at United Nations Mission containers: verified");
        links["commitments"]![0]!["name"]!.GetValue<string>().ShouldBe("Lay down all weapons to the United Nations Mission");
        (await app.Get("/api/commitments/01a10000-0000-7000-8000-000000000301")).Body!["categoryLabel"]!.GetValue<string>().ShouldBe("Laying down of arms");
    }

    [Fact]
    public async Task The_toll_of_at_least_220000_has_no_best_figure_and_spans_the_years_as_written()
    {
        var claim = (await app.Get("/api/casualty-claims/01a10000-0000-7000-8000-000000000401")).ShouldBe(HttpStatusCode.OK).Body!;
        claim["latest"]!["figures"]!.ToJsonString().ShouldBe("""{"low":220000,"best":null,"high":null,"stated":"at-least"}""");
        claim["period"]!.ToJsonString().ShouldBe("""{"from":"1958-01-01","precision":"range","to":"2012-12-31"}""");
    }

    [Fact]
    public async Task Soviet_forces_leaving_afghanistan_are_observed_by_ungomap_and_the_soviet_toll_stands_as_stated()
    {
        (await app.Get($"/api/understandings/{Geneva}")).ShouldBe(HttpStatusCode.OK).Body!["kind"]!.GetValue<string>().ShouldBe("foreign-forces-withdrawal");
        var stream = await app.StreamOf(Guid.Parse(Afghanistan));
        (await app.Post($"/api/zones/{Afghanistan}/withdrawals/observed",
            new Negotiations.Zones.AssessWithdrawal(stream[1].Id, "UNGOMAP", "Observed at the crossing points", Given.Reported(new DateOnly(1989, 2, 15)), stream.Count)))
            .ShouldBe(HttpStatusCode.OK);

        var departure = (await app.Get($"/api/zones/{Afghanistan}")).Body!["standing"]!.AsArray().Single()!;
        (departure["measure"]!.GetValue<string>(), departure["forces"]!.GetValue<string>(), departure["status"]!.GetValue<string>())
            .ShouldBe(("departure", "Soviet forces", "observed"));

        var toll = (await app.Get("/api/casualty-claims/01a20000-0000-7000-8000-000000000401")).Body!;
        toll["latest"]!["figures"]!["stated"]!.GetValue<string>().ShouldBe("exact");
        toll["latest"]!["figures"]!["best"]!.GetValue<int>().ShouldBe(13310);
        toll["period"]!["to"]!.GetValue<string>().ShouldBe("1988-05-31");
    }
}
