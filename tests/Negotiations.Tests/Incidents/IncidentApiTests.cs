using System.Net;
using System.Text.Json.Nodes;
using Negotiations.Corrections;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Incidents;

/// <summary>Incidents with their places: reported as GeoJSON, refused when the geometry is not one, found by place and time through PostGIS.</summary>
public class IncidentApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static object Point(double lon, double lat) => new { type = "Point", coordinates = new[] { lon, lat } };

    private static object Report(object geometry, string kind = "air-strike", string precision = "district", string occurred = "2025-07-16", string? name = "Sweida") => new
    {
        kind,
        summary = "Air strikes on government positions near Sweida",
        place = new { geometry, precision, name },
        actors = new[] { new { name = "Israeli air force", role = "perpetrator" }, new { name = "Syrian government forces", role = "target" } },
        provenance = new { sources = new[] { new { name = "Reuters", kind = "media", reliability = "B", credibility = 2 } }, occurred }
    };

    private async Task<Guid> ReportAsync(object body) => (await app.Post("/api/incidents", body)).ShouldBe(HttpStatusCode.Created).Id;

    private async Task<JsonArray> FindAsync(string query)
    {
        var reply = (await app.Get($"/api/incidents?{query}")).ShouldBe(HttpStatusCode.OK);
        reply.Message.Content.Headers.ContentType!.MediaType.ShouldBe("application/geo+json");
        reply.Body!["type"]!.GetValue<string>().ShouldBe("FeatureCollection");
        return reply.Body["features"]!.AsArray();
    }

    [Fact]
    public async Task An_incident_is_reported_with_its_place_as_geojson_and_read_back()
    {
        var id = await ReportAsync(Report(Point(36.566, 32.709)));

        var incident = (await app.Get($"/api/incidents/{id}")).ShouldBe(HttpStatusCode.OK).Body!;
        incident["kind"]!.GetValue<string>().ShouldBe("air-strike");
        incident["place"]!["precision"]!.GetValue<string>().ShouldBe("district");
        incident["place"]!["geometry"]!.ToJsonString().ShouldBe("""{"type":"Point","coordinates":[36.566,32.709]}""");
        incident["actors"]![0]!["role"]!.GetValue<string>().ShouldBe("perpetrator");
        (await app.Get($"/api/incidents/{Guid.CreateVersion7()}")).ShouldBeProblem(HttpStatusCode.NotFound);

        // Read like every stream: retracted now, standing as recorded before, at a version.
        var beforeRetraction = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"));
        (await app.Post($"/api/developments/{(await app.StreamOf(id))[0].Id}/retraction", new RetractDevelopment("Logged twice"))).ShouldBe(HttpStatusCode.OK);
        (await app.Get($"/api/incidents/{id}")).Body!["retracted"]!.GetValue<bool>().ShouldBeTrue();
        (await app.Get($"/api/incidents/{id}?knownAt={beforeRetraction}")).ShouldBe(HttpStatusCode.OK).Body!["retracted"]!.GetValue<bool>().ShouldBeFalse();
        var first = (await app.Get($"/api/incidents/{id}?version=1")).ShouldBe(HttpStatusCode.OK).Body!;
        first["retracted"]!.GetValue<bool>().ShouldBeFalse();
        first["place"]!["geometry"]!.ToJsonString().ShouldBe("""{"type":"Point","coordinates":[36.566,32.709]}""");
        (await app.Get($"/api/incidents/{id}?version=0")).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("version").ShouldBeTrue();
        (await app.Get($"/api/incidents/{id}?knownAt=2000-01-01T00:00:00Z")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"type":"Polygon","coordinates":[[[36,32],[37,33],[37,32],[36,33],[36,32]]]}""", "self-intersection")]
    [InlineData("""{"type":"Point","coordinates":[190,32]}""", "longitude -180 to 180")]
    [InlineData("""{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[36,32]}]}""", "not a GeometryCollection")]
    [InlineData("""{"type":"Polygon","coordinates":[[[36,32],[37,33],[37,32],[36,32.5]]]}""", "closed")]
    [InlineData("""{"type":"LineString","coordinates":[[36,32]]}""", "number of points in LineString")]
    public async Task A_place_that_is_not_a_valid_geojson_geometry_is_refused_naming_it(string geometry, string why)
    {
        (await app.Get("/health")).Status.ShouldBe(HttpStatusCode.OK);
        var reply = (await app.Post("/api/incidents", Report(JsonNode.Parse(geometry)!))).ShouldBeProblem(HttpStatusCode.BadRequest);
        reply.Errors!["place.geometry"]![0]!.GetValue<string>().ShouldContain(why, Case.Insensitive);
    }

    [Fact]
    public async Task Bad_reports_are_refused_and_append_nothing()
    {
        (await app.PostRaw("/api/incidents", """{"kind":"clash","summary":"x","place":{"geometry":{"type":"Point","coordinates":"east"},"precision":"exact"}}"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        (await app.Post("/api/incidents", Report(Point(36, 32), kind: "bombing"))).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("kind").ShouldBeTrue();
        (await app.Post("/api/incidents", Report(Point(36, 32), precision: "street"))).ShouldBeProblem(HttpStatusCode.BadRequest);
        const string withoutPrecision = "{\"kind\":\"clash\",\"summary\":\"x\",\"place\":{\"geometry\":{\"type\":\"Point\",\"coordinates\":[36,32]}}," +
            "\"provenance\":{\"sources\":[{\"name\":\"Reuters\",\"kind\":\"media\",\"reliability\":\"B\",\"credibility\":2}],\"occurred\":\"2025-07-16\"}}";
        (await app.PostRaw("/api/incidents", withoutPrecision)).ShouldBeProblem(HttpStatusCode.BadRequest).Detail!.ShouldContain("precision");
        var withoutPlace = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Report(Point(36, 32)), Api.Json))!.AsObject();
        withoutPlace.Remove("place");
        (await app.PostRaw("/api/incidents", withoutPlace.ToJsonString())).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("place").ShouldBeTrue();
        var unknown = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Report(Point(36, 32)), Api.Json))!.AsObject();
        unknown["understandingIds"] = new JsonArray(Guid.CreateVersion7().ToString());
        (await app.Post("/api/incidents", unknown)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_incident_names_the_casualty_claims_that_count_its_toll_and_only_ones_that_stand()
    {
        var claim = (await app.Post("/api/casualty-claims", Negotiations.Tests.Casualties.GivenCasualties.SweidaToll())).ShouldBe(HttpStatusCode.Created).Id;
        var retracted = (await app.Post("/api/casualty-claims", Negotiations.Tests.Casualties.GivenCasualties.SweidaToll())).ShouldBe(HttpStatusCode.Created).Id;
        (await app.Post($"/api/developments/{(await app.StreamOf(retracted))[0].Id}/retraction", new RetractDevelopment("Logged twice"))).ShouldBe(HttpStatusCode.OK);
        JsonObject Linked(params Guid[] claims)
        {
            var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Report(Point(69.5, -39.5), kind: "clash"), Api.Json))!.AsObject();
            body["casualtyClaimIds"] = new JsonArray(claims.Select(c => (JsonNode)c.ToString()).ToArray());
            return body;
        }

        var id = await ReportAsync(Linked(claim, claim));
        var incident = (await app.Get($"/api/incidents/{id}")).ShouldBe(HttpStatusCode.OK).Body!;
        incident["casualtyClaimIds"]!.AsArray().Select(c => c!.GetValue<Guid>()).ShouldBe([claim]);
        var feature = (await FindAsync("bbox=69,-40,70,-39"))[0]!;
        feature["properties"]!["casualtyClaimIds"]!.AsArray().Select(c => c!.GetValue<Guid>()).ShouldBe([claim]);
        (await FindAsync($"casualtyClaimId={claim}")).Select(f => f!["id"]!.GetValue<Guid>()).ShouldBe([id]);
        (await FindAsync($"casualtyClaimId={retracted}")).ShouldBeEmpty();

        var before = await app.EventCount();
        var unknown = Guid.CreateVersion7();
        var refused = (await app.Post("/api/incidents", Linked(claim, unknown))).ShouldBeProblem(HttpStatusCode.NotFound);
        refused.Body!["title"]!.GetValue<string>().ShouldBe("Unknown casualty claim");
        refused.Detail!.ShouldContain(unknown.ToString());
        (await app.Post("/api/incidents", Linked(retracted))).ShouldBeProblem(HttpStatusCode.NotFound).Detail!.ShouldContain(retracted.ToString());
        (await app.Post("/api/incidents", Linked(Guid.Empty))).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("casualtyClaimIds[0]").ShouldBeTrue();
        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Incidents_are_found_by_box_kind_and_both_time_axes_and_a_retraction_counts_from_when_it_was_recorded()
    {
        // A box of their own, so that other tests' incidents stay out: a few degrees in the Indian Ocean.
        var inside = await ReportAsync(Report(Point(70.25, -40.25), kind: "shelling", occurred: "2025-07-14"));
        var other = await ReportAsync(Report(Point(70.75, -40.75), kind: "clash", occurred: "2025-07/2025-08"));
        var outside = await ReportAsync(Report(Point(72.5, -40.5), kind: "shelling", occurred: "2025-07-14"));
        var area = new
        {
            type = "Polygon",
            coordinates = new[] { new[] { new[] { 70.0, -41.0 }, new[] { 71.0, -41.0 }, new[] { 71.0, -40.0 }, new[] { 70.0, -40.0 }, new[] { 70.0, -41.0 } } }
        };
        var raid = await ReportAsync(Report(area, kind: "raid", precision: "province", occurred: "2025-09-01"));

        static IEnumerable<Guid> Ids(JsonArray features) => features.Select(f => f!["id"]!.GetValue<Guid>());
        Ids(await FindAsync("bbox=70,-41,71,-40")).ShouldBe([inside, other, raid], ignoreOrder: true);
        Ids(await FindAsync("bbox=70,-41,73,-40&kind=shelling")).ShouldBe([inside, outside], ignoreOrder: true);
        Ids(await FindAsync("bbox=70,-41,71,-40&asOf=2025-07-31")).ShouldBe([inside, other], ignoreOrder: true);
        Ids(await FindAsync("bbox=70,-41,71,-40&from=2025-08-01&to=2025-08-31")).ShouldBe([other]);
        var feature = (await FindAsync("bbox=70.5,-40.9,70.9,-40.6"))[0]!;
        feature["geometry"]!["coordinates"]![0]!.GetValue<double>().ShouldBe(70.75);
        feature["properties"]!["kind"]!.GetValue<string>().ShouldBe("clash");
        feature["properties"]!["occurred"]!["precision"]!.GetValue<string>().ShouldBe("range");

        var beforeRetraction = DateTimeOffset.UtcNow;
        var report = (await app.StreamOf(other))[0].Id;
        (await app.Post($"/api/developments/{report}/retraction", new RetractDevelopment("Not a clash: a training exercise"))).ShouldBe(HttpStatusCode.OK);
        Ids(await FindAsync("bbox=70,-41,71,-40")).ShouldBe([inside, raid], ignoreOrder: true);
        Ids(await FindAsync($"bbox=70,-41,71,-40&knownAt={Uri.EscapeDataString(beforeRetraction.ToString("O"))}")).ShouldBe([inside, other, raid], ignoreOrder: true);
        var before = Uri.EscapeDataString((await app.StreamOf(raid))[0].Timestamp.AddTicks(-10).ToString("O"));
        Ids(await FindAsync($"bbox=70,-41,71,-40&knownAt={before}")).ShouldBe([inside, other], ignoreOrder: true);

        (await app.Get("/api/incidents?bbox=70,-41,71")).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("bbox").ShouldBeTrue();
        (await app.Get("/api/incidents?bbox=71,-41,70,-40")).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("bbox").ShouldBeTrue();
        (await app.Get("/api/incidents?kind=bombing")).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("kind").ShouldBeTrue();
    }

    [Fact]
    public async Task The_status_of_an_understanding_counts_its_incidents_per_month_on_both_axes()
    {
        var understanding = (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created).Id;
        object Linked(string kind, string occurred)
        {
            var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Report(Point(36.5, 32.7), kind: kind, occurred: occurred), Api.Json))!.AsObject();
            body["understandingIds"] = new JsonArray(understanding.ToString());
            return body;
        }
        await ReportAsync(Linked("clash", "2025-07-14"));
        await ReportAsync(Linked("air-strike", "2025-07-16"));
        var september = await ReportAsync(Linked("air-strike", "2025-09-25"));
        await ReportAsync(Report(Point(36.5, 32.7), occurred: "2025-07-20")); // about no understanding
        (await FindAsync($"understandingId={understanding}")).Select(f => f!["id"]!.GetValue<Guid>()).ShouldContain(september);
        (await FindAsync($"understandingId={understanding}")).Count.ShouldBe(3);

        async Task<JsonArray> Months(string query) =>
            (await app.Get($"/api/understandings/{understanding}/status?{query}")).ShouldBe(HttpStatusCode.OK).Body!["data"]!["incidentsPerMonth"]!.AsArray();
        var months = await Months("asOf=2025-12-31");
        months.Select(m => (m!["month"]!.GetValue<string>(), m["count"]!.GetValue<int>())).ShouldBe([("2025-07", 2), ("2025-09", 1)]);
        months[0]!["byKind"]!.AsArray().Select(k => k!["kind"]!.GetValue<string>()).ShouldBe(["air-strike", "clash"]);
        (await Months("asOf=2025-09-20")).Count.ShouldBe(1);

        var beforeRetraction = DateTimeOffset.UtcNow;
        (await app.Post($"/api/developments/{(await app.StreamOf(september))[0].Id}/retraction", new RetractDevelopment("Not in the zone's province"))).ShouldBe(HttpStatusCode.OK);
        (await Months("asOf=2025-12-31")).Count.ShouldBe(1);
        (await Months($"asOf=2025-12-31&knownAt={Uri.EscapeDataString(beforeRetraction.ToString("O"))}")).Count.ShouldBe(2);
    }
}
