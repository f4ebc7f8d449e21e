using System.Net;
using System.Text.Json.Nodes;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Negotiations.Tests.Demo;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Queries;

/// <summary>The read endpoints over the southern Syria report read as the report says.</summary>
public class DemoQueryTests(DemoFixture app) : IClassFixture<DemoFixture>
{
    private const string Zone = "01990000-0000-7000-8000-000000000001";
    private const string Mechanism = "01990000-0000-7000-8000-000000000002";
    private const string Roadmap = "01990000-0000-7000-8000-000000000003";
    private const string Security = "01990000-0000-7000-8000-000000000004";

    private async Task<JsonNode> Read(string path) => (await app.Get(path)).ShouldBe(HttpStatusCode.OK).Body!;

    private static List<string> Ids(JsonNode list) => list.AsArray().Select(l => l!["id"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task The_Sweida_security_chief_is_listed_with_his_office()
    {
        var page = await Read("/api/offices?jurisdiction=sweida");

        page["total"]!.GetValue<int>().ShouldBe(1);
        page["page"]!.GetValue<int>().ShouldBe(1);
        page["pageSize"]!.GetValue<int>().ShouldBe(50);
        var office = page["items"]![0]!;
        office["officeId"]!.GetValue<Guid>().ShouldBe(Guid.Parse("4e9a58cf-7b89-5772-897f-beb05fb77457"));
        office["title"]!.GetValue<string>().ShouldBe("Internal security chief");
        office["jurisdiction"]!.GetValue<string>().ShouldBe("Sweida province");
        var holder = office["holders"]!.AsArray().Single()!;
        holder["person"]!.GetValue<string>().ShouldBe("Suleiman Abdel Baqi");
        holder["affiliation"]!.GetValue<string>().ShouldBe("Druze community");
        holder["from"]!["from"]!.GetValue<string>().ShouldBe("2025-09-15");
        office["formerHolders"]!.AsArray().ShouldBeEmpty();

        (await Read("/api/offices?person=ABDEL%20baqi"))["total"]!.GetValue<int>().ShouldBe(1);
        (await Read("/api/offices?person=Somebody%20else"))["items"]!.AsArray().ShouldBeEmpty();
        (await Read("/api/offices?jurisdiction=Daraa"))["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task The_observatory_toll_stands_as_its_own_claim()
    {
        var page = await Read($"/api/casualty-claims?understandingId={Roadmap}");

        page["total"]!.GetValue<int>().ShouldBe(1);
        var incident = page["items"]![0]!;
        incident["place"]!.GetValue<string>().ShouldBe("Sweida province, Syria");
        incident["period"]!["from"]!.GetValue<string>().ShouldBe("2025-07-01");
        var claim = incident["claims"]!.AsArray().Single()!;
        claim["claimId"]!.GetValue<string>().ShouldBe("01990000-0000-7000-8000-000000000601");
        claim["source"]!.GetValue<string>().ShouldBe("Syrian Observatory for Human Rights");
        claim["latest"]!["figures"]!["low"]!.GetValue<int>().ShouldBe(2000);
        claim["latest"]!["figures"]!["high"].ShouldBeNull();
        claim["latest"]!["breakdown"]![0]!["alleged"]!.GetValue<bool>().ShouldBeTrue();
        claim["revisions"]!.AsArray().ShouldBeEmpty();
        claim["published"]!["figures"]!["low"]!.GetValue<int>().ShouldBe(2000);
        claim["disputed"]!.GetValue<bool>().ShouldBeFalse();

        (await Read($"/api/casualty-claims?understandingId={Zone}"))["total"]!.GetValue<int>().ShouldBe(0);
        (await Read("/api/casualty-claims?source=observatory&place=sweida"))["total"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task The_roadmap_gathers_its_commitments_mechanism_office_claim_and_statement()
    {
        var links = await Read($"/api/understandings/{Roadmap}/links");

        links["title"]!.GetValue<string>().ShouldBe("Roadmap to stabilise Sweida province");
        links["status"]!.GetValue<string>().ShouldBe("agreed");
        links["stage"]!.GetValue<string>().ShouldBe("framework-partial");
        Ids(links["commitments"]!).Order().ShouldBe([
            "01990000-0000-7000-8000-000000000501", "01990000-0000-7000-8000-000000000502", "01990000-0000-7000-8000-000000000503"]);
        links["commitments"]!.AsArray().Select(c => c!["state"]!.GetValue<string>()).ShouldAllBe(s => s == "not assessed; no deadline; in-force");
        var mechanism = links["mechanisms"]!.AsArray().Single()!;
        mechanism["id"]!.GetValue<string>().ShouldBe("01990000-0000-7000-8000-000000000301");
        mechanism["name"]!.GetValue<string>().ShouldBe("Trilateral mechanism for the Sweida roadmap");
        mechanism["state"]!.GetValue<string>().ShouldBe("overseeing it; 3 members; no meeting yet; no report yet");
        var office = links["offices"]!.AsArray().Single()!;
        office["name"]!.GetValue<string>().ShouldBe("Internal security chief, Sweida province");
        office["state"]!.GetValue<string>().ShouldBe("held by Suleiman Abdel Baqi since 2025-09-15");
        links["casualtyClaims"]!.AsArray().Single()!["state"]!.GetValue<string>().ShouldBe("more than 2,000");
        Ids(links["statements"]!).ShouldBe(["01990000-0000-7000-8000-000000000704"]);
        links["rounds"]!.AsArray().ShouldBeEmpty();
        links["zones"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task The_zone_understanding_gathers_its_rounds_zone_and_statements()
    {
        var links = await Read($"/api/understandings/{Zone}/links");

        Ids(links["rounds"]!).Order().ShouldBe(["01990000-0000-7000-8000-000000000101", "01990000-0000-7000-8000-000000000102"]);
        var baku = links["rounds"]!.AsArray().Single(r => r!["id"]!.GetValue<string>().EndsWith("102"))!;
        baku["name"]!.GetValue<string>().ShouldBe("Syria, Israel talks in Baku, mediated by United States");
        baku["state"]!.GetValue<string>().ShouldBe("scheduled for 2025-09-16 to 2025-09-19");
        links["rounds"]!.AsArray().Single(r => r!["id"]!.GetValue<string>().EndsWith("101"))!["state"]!.GetValue<string>()
            .ShouldStartWith("held 2025-08-15 to 2025-09-14: ");
        var zone = links["zones"]!.AsArray().Single()!;
        zone["name"]!.GetValue<string>().ShouldBe("Southern Syria demilitarised zone");
        zone["state"]!.GetValue<string>().ShouldBe("demilitarised-zone, 1 rule; Syria heavy weapons: declared at 10 km (rule 10 km)");
        zone["version"]!.GetValue<int>().ShouldBe(3); // defined, a withdrawal declared, drawn on the map
        Ids(links["statements"]!).Order().ShouldBe(["01990000-0000-7000-8000-000000000701", "01990000-0000-7000-8000-000000000703"]);
        links["commitments"]!.AsArray().ShouldBeEmpty();
        links["mechanisms"]!.AsArray().ShouldBeEmpty();

        (await Read($"/api/understandings/{Mechanism}/links"))["mechanisms"]!.AsArray().Single()!["state"]!.GetValue<string>()
            .ShouldStartWith("established under it;");
        Ids((await Read($"/api/understandings/{Security}/links"))["statements"]!).Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_overview_counts_the_four_understandings_and_the_weeks_of_the_report()
    {
        // The developments per week are kept by the daemon.
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var overview = await Read("/api/overview?asOf=2025-09-20");

        overview["asOf"]!.GetValue<string>().ShouldBe("2025-09-20");
        overview["understandings"]!.GetValue<int>().ShouldBe(4);
        Counts(overview["byStatus"]!, "status").ShouldBe(new Dictionary<string, int>
        {
            ["proposed"] = 0, ["under-negotiation"] = 2, ["agreed"] = 2, ["in-implementation"] = 0,
            ["suspended"] = 0, ["collapsed"] = 0, ["superseded"] = 0, ["fulfilled"] = 0
        });
        Counts(overview["byStage"]!, "stage").Where(c => c.Value > 0).ToDictionary().ShouldBe(new Dictionary<string, int>
        {
            ["pre-negotiation"] = 2, ["framework-partial"] = 1, ["implementation"] = 1
        });

        // Every line of the report is a development; each counts in the week of the first day it may have happened.
        var weeks = overview["developmentsPerWeek"]!.AsArray();
        // The withdrawal, the clashes and the air strikes began in July, the earlier rounds in August, the zone talks at the start of September.
        weeks.Select(w => w!["week"]!.GetValue<string>()).ShouldBe(["2025-W27", "2025-W33", "2025-W36", "2025-W38"]);
        weeks.Select(w => w!["developments"]!.GetValue<int>()).ShouldBe([3, 1, 5, 16]);
        weeks.Select(w => w!["monday"]!.GetValue<string>()).ShouldBe(["2025-06-30", "2025-08-11", "2025-09-01", "2025-09-15"]);

        // The roadmap's commitments have no deadline yet: nothing is overdue.
        overview["overdueCommitments"]!.AsArray().ShouldBeEmpty();
    }

    private static Dictionary<string, int> Counts(JsonNode list, string key) =>
        list.AsArray().ToDictionary(c => c![key]!.GetValue<string>(), c => c!["count"]!.GetValue<int>());

    [Fact]
    public async Task The_july_incidents_lie_inside_the_demilitarised_zone_and_none_happened_there_since_it_was_declared()
    {
        const string southernZone = "01990000-0000-7000-8000-000000000201";
        var map = await Read("/api/zones");
        var zone = map["features"]!.AsArray().Single()!;
        zone["id"]!.GetValue<string>().ShouldBe(southernZone);
        zone["properties"]!["precision"]!.GetValue<string>().ShouldBe("province");

        var inside = (await Read($"/api/incidents?zoneId={southernZone}"))["features"]!.AsArray();
        inside.Select(f => f!["properties"]!["kind"]!.GetValue<string>()).ShouldBe(["clash", "air-strike"], ignoreOrder: true);
        inside.ShouldAllBe(f => f!["properties"]!["precision"]!.GetValue<string>() == "province" && f["properties"]!["placeName"]!.GetValue<string>() == "Sweida province");
        (await Read($"/api/incidents?zoneId={southernZone}&from=2025-09-01"))["features"]!.AsArray().ShouldBeEmpty();
        // The observatory's toll counts the clashes' dead.
        inside.Single(f => f!["properties"]!["kind"]!.GetValue<string>() == "clash")!["properties"]!["casualtyClaimIds"]!.AsArray()
            .Select(c => c!.GetValue<string>()).ShouldBe(["01990000-0000-7000-8000-000000000601"]);
    }

    [Fact]
    public async Task Every_place_of_the_report_is_on_the_map_with_its_precision()
    {
        var places = (await Read("/api/places"))["features"]!.AsArray()
            .Select(f => (Concept: f!["properties"]!["concept"]!.GetValue<string>(), Place: f["properties"]!["placeName"]!.GetValue<string>(),
                Precision: f["properties"]!["precision"]!.GetValue<string>(), Type: f["geometry"]!["type"]!.GetValue<string>()))
            .ToList();
        places.ShouldBe([
            ("Understandings", "Sweida province (approximate)", "province", "Polygon"),
            ("Casualties", "Sweida province (approximate)", "province", "Polygon"),
            ("Zones", "Nearly 10 km outside Damascus", "near", "Point"),
            ("Rounds", "Baku", "exact", "Point"),
            ("Appointments", "Sweida province (approximate)", "province", "Polygon")
        ], ignoreOrder: true);
        var baku = (await Read("/api/places?concept=rounds&bbox=49,40,51,41"))["features"]!.AsArray().ShouldHaveSingleItem()!;
        baku["properties"]!["summary"]!.GetValue<string>().ShouldStartWith("Round scheduled: Baku");
        // Sweida's incidents lie inside the province as the roadmap draws it.
        var sweida = (await Read($"/api/places?streamId={Roadmap}"))["features"]!.AsArray().ShouldHaveSingleItem()!["geometry"]!;
        var province = System.Text.Json.JsonSerializer.Deserialize<NetTopologySuite.Geometries.Geometry>(sweida.ToJsonString(), Negotiations.Kernel.JsonDialect.Web)!;
        (await Read("/api/incidents"))["features"]!.AsArray().ShouldAllBe(f =>
            province.Contains(System.Text.Json.JsonSerializer.Deserialize<NetTopologySuite.Geometries.Geometry>(f!["geometry"]!.ToJsonString(), Negotiations.Kernel.JsonDialect.Web)));
    }
}
