using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.Corrections;
using Negotiations.Operations.Audit;
using Negotiations.Tests.Support;
using Negotiations.Tests.Zones;

namespace Negotiations.Tests.Incidents;

/// <summary>The spatial question of a zone: which incidents happened inside it or near it, with its area as drawn then or now.</summary>
public class ZoneIncidentTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static object Square(double west, double south, double east, double north) => new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { west, south }, new[] { east, south }, new[] { east, north }, new[] { west, north }, new[] { west, south } } }
    };

    private static object Provenance(string occurred) =>
        new { sources = new[] { new { name = "UN monitors", kind = "mediator", reliability = "B", credibility = 2 } }, occurred };

    private async Task<Guid> IncidentAsync(double lon, double lat, string occurred = "2025-09-10", string precision = "near") =>
        (await app.Post("/api/incidents", new
        {
            kind = "shelling", summary = "Shelling reported", place = new { geometry = new { type = "Point", coordinates = new[] { lon, lat } }, precision },
            provenance = Provenance(occurred)
        })).ShouldBe(HttpStatusCode.Created).Id;

    private async Task<IEnumerable<Guid>> InsideAsync(string query) =>
        (await app.Get($"/api/incidents?{query}")).ShouldBe(HttpStatusCode.OK).Body!["features"]!.AsArray().Select(f => f!["id"]!.GetValue<Guid>()).ToList();

    /// <summary>The east edge of the zone's drawing on the map, on the axes the query names; null when it is not on the map.</summary>
    private async Task<double?> EastEdgeAsync(Guid zone, string query = "")
    {
        var features = (await app.Get($"/api/zones?bbox=79.5,-30.5,82,-28.5{query}")).ShouldBe(HttpStatusCode.OK).Body!["features"]!.AsArray();
        return features.SingleOrDefault(f => f!["id"]!.GetValue<Guid>() == zone) is { } drawn
            ? drawn["geometry"]!["coordinates"]![0]!.AsArray().Max(c => c![0]!.GetValue<double>())
            : null;
    }

    [Fact]
    public async Task Incidents_inside_a_zone_and_near_it_follow_its_area_as_drawn_then_and_now()
    {
        var zone = (await app.Post("/api/zones", GivenZones.SouthernZone())).ShouldBe(HttpStatusCode.Created).Id;
        (await app.Get($"/api/incidents?zoneId={zone}")).ShouldBeProblem(HttpStatusCode.Conflict).Detail!.ShouldContain("no area on the map");

        var mapped = (await app.Post($"/api/zones/{zone}/area", new { area = new { geometry = Square(80, -30, 81, -29), precision = "district", name = "The southern zone" }, provenance = Provenance("2025-09-01"), version = 1 }))
            .ShouldBe(HttpStatusCode.OK);
        mapped.Body!["version"]!.GetValue<int>().ShouldBe(2);
        (await app.Get($"/api/zones/{zone}")).Body!["area"]!["precision"]!.GetValue<string>().ShouldBe("district");

        // On the map: the zone as a GeoJSON feature, found by its box and kind; elsewhere, it is not there.
        var map = (await app.Get("/api/zones?bbox=79.5,-30.5,80.5,-29.5&kind=demilitarised-zone")).ShouldBe(HttpStatusCode.OK);
        map.Message.Content.Headers.ContentType!.MediaType.ShouldBe("application/geo+json");
        var drawn = map.Body!["features"]!.AsArray().Single(f => f!["id"]!.GetValue<Guid>() == zone)!;
        drawn["geometry"]!["type"]!.GetValue<string>().ShouldBe("Polygon");
        drawn["properties"]!["placeName"]!.GetValue<string>().ShouldBe("The southern zone");
        (await app.Get("/api/zones?bbox=10,10,11,11")).Body!["features"]!.AsArray().ShouldNotContain(f => f!["id"]!.GetValue<Guid>() == zone);
        (await app.Get("/api/zones?bbox=79.5,-30.5,80.5,-29.5&kind=crossing")).Body!["features"]!.AsArray().ShouldBeEmpty();
        (await app.Get("/api/zones?kind=moat")).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("kind").ShouldBeTrue();

        var inside = await IncidentAsync(80.5, -29.5);
        var early = await IncidentAsync(80.4, -29.4, occurred: "2025-06-01");
        var near = await IncidentAsync(81.05, -29.5);   // about 5 km east of the edge
        var far = await IncidentAsync(82, -29.5);        // about 97 km east

        (await InsideAsync($"zoneId={zone}")).ShouldBe([early, inside], ignoreOrder: true);
        (await InsideAsync($"zoneId={zone}&from=2025-09-01")).ShouldBe([inside]);
        (await InsideAsync($"zoneId={zone}&withinKm=10")).ShouldBe([early, inside, near], ignoreOrder: true);
        (await InsideAsync($"zoneId={zone}&withinKm=200")).ShouldContain(far);

        // Drawn again, wider: the query follows the latest drawing, and the one before as it was recorded then.
        var beforeRedraw = DateTimeOffset.UtcNow;
        (await app.Post($"/api/zones/{zone}/area", new { area = new { geometry = Square(80, -30, 81.2, -29), precision = "district" }, provenance = Provenance("2025-09-20"), version = 2 }))
            .ShouldBe(HttpStatusCode.OK);
        (await InsideAsync($"zoneId={zone}")).ShouldBe([early, inside, near], ignoreOrder: true);
        (await InsideAsync($"zoneId={zone}&knownAt={Uri.EscapeDataString(beforeRedraw.ToString("O"))}")).ShouldBe([early, inside], ignoreOrder: true);
        // The map follows both axes: the zone as drawn on a day, and as recorded at a moment.
        (await EastEdgeAsync(zone)).ShouldBe(81.2);
        (await EastEdgeAsync(zone, "&asOf=2025-09-10")).ShouldBe(81);
        (await EastEdgeAsync(zone, "&asOf=2025-08-31")).ShouldBeNull();
        (await EastEdgeAsync(zone, $"&knownAt={Uri.EscapeDataString(beforeRedraw.ToString("O"))}")).ShouldBe(81);

        // The wider drawing retracted: the zone is back to its first area.
        var beforeRetraction = DateTimeOffset.UtcNow;
        var redraw = (await app.StreamOf(zone))[^1].Id;
        (await app.Post($"/api/developments/{redraw}/retraction", new RetractDevelopment("The wider line was a draft"))).ShouldBe(HttpStatusCode.OK);
        (await InsideAsync($"zoneId={zone}")).ShouldBe([early, inside], ignoreOrder: true);
        (await EastEdgeAsync(zone)).ShouldBe(81);
        (await EastEdgeAsync(zone, $"&knownAt={Uri.EscapeDataString(beforeRetraction.ToString("O"))}")).ShouldBe(81.2);

        // The zone itself retracted: off the map, though it was there as recorded before.
        (await app.Post($"/api/developments/{(await app.StreamOf(zone))[0].Id}/retraction", new RetractDevelopment("No such zone"))).ShouldBe(HttpStatusCode.OK);
        (await EastEdgeAsync(zone)).ShouldBeNull();
        (await EastEdgeAsync(zone, $"&knownAt={Uri.EscapeDataString(beforeRetraction.ToString("O"))}")).ShouldBe(81.2);
    }

    [Fact]
    public async Task A_corrected_older_drawing_stays_in_its_place_behind_the_later_one()
    {
        var zone = (await app.Post("/api/zones", GivenZones.SouthernZone())).ShouldBe(HttpStatusCode.Created).Id;
        (await app.Post($"/api/zones/{zone}/area", new { area = new { geometry = Square(80, -30, 81, -29), precision = "district" }, provenance = Provenance("2025-09-01"), version = 1 }))
            .ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/zones/{zone}/area", new { area = new { geometry = Square(80, -30, 81.2, -29), precision = "district" }, provenance = Provenance("2025-09-20"), version = 2 }))
            .ShouldBe(HttpStatusCode.OK);
        var (first, later) = ((await app.StreamOf(zone))[1].Id, (await app.StreamOf(zone))[2].Id);

        // The first drawing corrected after the later one was logged: the later one still stands, on the map as in the zone.
        var beforeCorrection = DateTimeOffset.UtcNow;
        (await app.Post($"/api/developments/{first}/correction", new
        {
            reason = "The first line was narrower",
            replacement = new { zoneId = zone, area = new { geometry = Square(80, -30, 80.8, -29), precision = "district" }, provenance = Provenance("2025-09-01") }
        })).ShouldBe(HttpStatusCode.OK);
        (await app.Get($"/api/zones/{zone}")).Body!["areaEventId"]!.GetValue<Guid>().ShouldBe(later);
        (await EastEdgeAsync(zone)).ShouldBe(81.2);
        (await EastEdgeAsync(zone, "&asOf=2025-09-10")).ShouldBe(80.8);
        (await EastEdgeAsync(zone, $"&knownAt={Uri.EscapeDataString(beforeCorrection.ToString("O"))}&asOf=2025-09-10")).ShouldBe(81);

        // The later one retracted: the corrected first drawing stands, and the map agrees with the zone.
        (await app.Post($"/api/developments/{later}/retraction", new RetractDevelopment("The wider line was a draft"))).ShouldBe(HttpStatusCode.OK);
        var standing = (await app.Get($"/api/zones/{zone}")).Body!["areaEventId"]!.GetValue<Guid>();
        (await app.Get($"/api/zones?bbox=79.5,-30.5,82,-28.5")).Body!["features"]!.AsArray()
            .Single(f => f!["id"]!.GetValue<Guid>() == zone)!["properties"]!["areaEventId"]!.GetValue<Guid>().ShouldBe(standing);
        (await EastEdgeAsync(zone)).ShouldBe(80.8);

        // Rebuilt from the events alone, every drawing stands where it stood live.
        var replay = await app.Host.Services.GetRequiredService<Replay>().RunAsync(TextWriter.Null, CancellationToken.None);
        replay.Differences.ShouldBeEmpty();
        replay.Tables.ShouldContain(t => t.Table == "places_developments" && t.Live > 0 && t.Live == t.Rebuilt);
    }

    [Fact]
    public async Task A_violation_names_the_incident_it_is_when_that_lies_inside_the_zone_or_near_it()
    {
        // The southern zone's rules keep heavy weapons 10 km back: near is within 10 km, or 35 km for a place near a named one.
        var zone = (await app.Post("/api/zones", GivenZones.SouthernZone())).ShouldBe(HttpStatusCode.Created).Id;
        var unmeasured = await IncidentAsync(90, -29.5, precision: "exact");
        (await app.Post($"/api/zones/{zone}/violations", GivenZones.Violation(1) with { IncidentId = unmeasured })).ShouldBe(HttpStatusCode.OK); // not drawn yet
        (await app.Post($"/api/zones/{zone}/area", new { area = new { geometry = Square(100, -30, 101, -29), precision = "district" }, provenance = Provenance("2025-09-01"), version = 2 }))
            .ShouldBe(HttpStatusCode.OK);

        var justOutside = await IncidentAsync(101.05, -29.5, precision: "exact");   // about 5 km east of the edge
        (await app.Post($"/api/zones/{zone}/violations", GivenZones.Violation(3) with { IncidentId = justOutside })).ShouldBe(HttpStatusCode.OK);
        var violation = (await app.Get($"/api/zones/{zone}")).Body!["latestViolations"]!.AsArray().Last()!;
        violation["incidentId"]!.GetValue<Guid>().ShouldBe(justOutside);
        (await app.Post($"/api/zones/{zone}/violations", GivenZones.Violation(4) with { IncidentId = justOutside })).ShouldBe(HttpStatusCode.OK).Body!["version"]!.GetValue<int>().ShouldBe(4);

        var before = await app.EventCount();
        var far = await IncidentAsync(101.3, -29.5, precision: "exact");          // about 29 km
        var refused = (await app.Post($"/api/zones/{zone}/violations", GivenZones.Violation(4) with { IncidentId = far })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        refused.Detail!.ShouldContain("within 10 km");
        (await app.Post($"/api/zones/{zone}/violations", GivenZones.Violation(4) with { IncidentId = Guid.CreateVersion7() })).ShouldBeProblem(HttpStatusCode.NotFound)
            .Body!["title"]!.GetValue<string>().ShouldBe("Unknown incident");
        (await app.Post($"/api/zones/{zone}/violations", GivenZones.Violation(4) with { IncidentId = Guid.Empty })).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("incidentId").ShouldBeTrue();
        (await app.EventCount()).ShouldBe(before + 1); // the far incident's own report only

        // Placed near a named place, or only by its province: measured with 25 km more, or not at all.
        (await app.Post($"/api/zones/{zone}/violations", GivenZones.Violation(4) with { IncidentId = await IncidentAsync(101.3, -29.5) })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/zones/{zone}/violations", GivenZones.Violation(5) with { IncidentId = await IncidentAsync(104, -29.5, precision: "province") })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_drawings_and_questions_are_refused_naming_the_field()
    {
        var zone = (await app.Post("/api/zones", GivenZones.SouthernZone())).ShouldBe(HttpStatusCode.Created).Id;
        (await app.Post($"/api/zones/{zone}/area", new { area = new { geometry = new { type = "Point", coordinates = new[] { 36.0, 95.0 } }, precision = "exact" }, provenance = Provenance("2025-09-01"), version = 1 }))
            .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("area.geometry").ShouldBeTrue();
        (await app.Post($"/api/zones/{zone}/area", new { area = new { geometry = Square(1, 1, 2, 2), precision = "exact" }, provenance = Provenance("2025-09-01"), version = 7 }))
            .ShouldBeProblem(HttpStatusCode.Conflict);
        (await app.Post($"/api/zones/{Guid.CreateVersion7()}/area", new { area = new { geometry = Square(1, 1, 2, 2), precision = "exact" }, provenance = Provenance("2025-09-01"), version = 1 }))
            .ShouldBeProblem(HttpStatusCode.NotFound);
        var located = new { sources = new[] { new { name = "UN monitors", kind = "mediator" } }, occurred = "2025-09-01", location = new { geometry = new { type = "Point", coordinates = new[] { 1.5, 1.5 } }, precision = "exact" } };
        (await app.Post($"/api/zones/{zone}/area", new { area = new { geometry = Square(1, 1, 2, 2), precision = "exact" }, provenance = located, version = 1 }))
            .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("provenance.location").ShouldBeTrue();
        (await app.StreamOf(zone)).Count.ShouldBe(1);

        (await app.Get("/api/incidents?withinKm=5")).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("withinKm").ShouldBeTrue();
        (await app.Get($"/api/incidents?zoneId={zone}&withinKm=5000")).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("withinKm").ShouldBeTrue();
        (await app.Get($"/api/incidents?zoneId={Guid.CreateVersion7()}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }
}
