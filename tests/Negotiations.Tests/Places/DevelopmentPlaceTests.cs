using System.Net;
using System.Text.Json.Nodes;
using Negotiations.Corrections;
using Negotiations.Kernel;
using Negotiations.Tests.Rounds;
using Negotiations.Tests.Support;
using NetTopologySuite.Geometries;

namespace Negotiations.Tests.Places;

/// <summary>The place of any development (provenance.location): logged with it, found through PostGIS on both time axes, moved by a correction, gone with a retraction.</summary>
public class DevelopmentPlaceTests(AppFixture app) : IClassFixture<AppFixture>
{
    // A box of its own, so that other tests' places stay out: a few degrees of the southern Indian Ocean.
    private const string Box = "bbox=80,-46,82,-44";

    private static Place At(double lon, double lat, string name, LocationPrecision precision = LocationPrecision.Exact) =>
        new(JsonDialect.Geography.CreatePoint(new Coordinate(lon, lat)), precision, name);

    private static Provenance Diplomats(Place? place, Occurrence? occurred = null) => GivenRounds.Diplomats(occurred) with { Location = place };

    private async Task<JsonArray> FindAsync(string query)
    {
        var reply = (await app.Get($"/api/places?{query}")).ShouldBe(HttpStatusCode.OK);
        reply.Message.Content.Headers.ContentType!.MediaType.ShouldBe("application/geo+json");
        return reply.Body!["features"]!.AsArray();
    }

    private static IEnumerable<string?> Names(JsonArray features) => features.Select(f => f!["properties"]!["placeName"]?.GetValue<string>());

    [Fact]
    public async Task A_rounds_venue_is_on_the_map_with_its_precision_and_a_correction_moves_it_from_when_it_was_recorded()
    {
        var round = (await app.Post("/api/rounds", GivenRounds.InBaku() with { Provenance = Diplomats(At(81.0, -45.0, "Venue A")) })).ShouldBe(HttpStatusCode.Created).Id;
        var feature = (await FindAsync($"{Box}&streamId={round}")).ShouldHaveSingleItem()!;
        feature["geometry"]!.ToJsonString().ShouldBe("""{"type":"Point","coordinates":[81,-45]}""");
        feature["properties"]!["precision"]!.GetValue<string>().ShouldBe("exact");
        feature["properties"]!["concept"]!.GetValue<string>().ShouldBe("Rounds");
        feature["properties"]!["eventType"]!.GetValue<string>().ShouldBe("round_scheduled");
        feature["properties"]!["summary"]!.GetValue<string>().ShouldStartWith("Round scheduled: Baku");
        feature["properties"]!["sources"]![0]!["name"]!.GetValue<string>().ShouldBe("Diplomats");
        feature["id"]!.GetValue<Guid>().ShouldBe((await app.StreamOf(round))[0].Id);

        // The round is held at a second place: each development is where it happened.
        (await app.Post($"/api/rounds/{round}/outcome", GivenRounds.Held(1) with { Provenance = Diplomats(At(81.5, -44.5, "Venue B", LocationPrecision.Near), Occurrence.On(new DateOnly(2025, 9, 18))) }))
            .ShouldBe(HttpStatusCode.OK);
        Names(await FindAsync($"{Box}&streamId={round}")).ShouldBe(["Venue A", "Venue B"]);
        Names(await FindAsync($"{Box}&streamId={round}&asOf=2025-09-17")).ShouldBe(["Venue A"]);
        Names(await FindAsync($"{Box}&streamId={round}&from=2025-09-18")).ShouldBe(["Venue B"]);
        Names(await FindAsync($"bbox=81.4,-44.6,81.6,-44.4&streamId={round}")).ShouldBe(["Venue B"]);
        Names(await FindAsync($"{Box}&streamId={round}&concept=zones")).ShouldBeEmpty();
        // Through a sequence, as a release cuts the log: the venue held afterwards is not there yet.
        var scheduledAt = (await app.StreamOf(round))[0].Sequence;
        Names(await FindAsync($"{Box}&streamId={round}&toSequence={scheduledAt}")).ShouldBe(["Venue A"]);

        var held = (await app.StreamOf(round))[^1];
        var beforeCorrection = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"));
        var replacement = System.Text.Json.JsonSerializer.SerializeToNode(held.Data, held.EventType, Api.Json)!.AsObject();
        replacement["provenance"]!["location"] = System.Text.Json.JsonSerializer.SerializeToNode(At(80.5, -45.5, "Venue C"), Api.Json);
        (await app.Post($"/api/developments/{held.Id}/correction", new { reason = "It was held in another city", replacement })).ShouldBe(HttpStatusCode.OK);
        Names(await FindAsync($"{Box}&streamId={round}")).ShouldBe(["Venue A", "Venue C"]);
        Names(await FindAsync($"{Box}&streamId={round}&knownAt={beforeCorrection}")).ShouldBe(["Venue A", "Venue B"]);
        var heldAt = (await app.StreamOf(round))[1].Sequence;
        Names(await FindAsync($"{Box}&streamId={round}&toSequence={heldAt}")).ShouldBe(["Venue A", "Venue B"]);

        // Retracting the development that opened the stream takes the whole round off the map.
        var opening = (await app.StreamOf(round))[0].Id;
        (await app.Post($"/api/developments/{opening}/retraction", new RetractDevelopment("No such round"))).ShouldBe(HttpStatusCode.OK);
        (await FindAsync($"{Box}&streamId={round}")).ShouldBeEmpty();
        Names(await FindAsync($"{Box}&streamId={round}&knownAt={beforeCorrection}")).ShouldBe(["Venue A", "Venue B"]);
        Names(await FindAsync($"{Box}&streamId={round}&toSequence={heldAt}")).ShouldBe(["Venue A", "Venue B"]);
    }

    [Fact]
    public async Task A_rebuild_gives_the_places_back_from_the_events_alone()
    {
        var round = (await app.Post("/api/rounds", GivenRounds.InBaku() with { Provenance = Diplomats(At(81.2, -45.2, "Venue D")) })).ShouldBe(HttpStatusCode.Created).Id;
        var places = $"\"{app.Schema}\".places_developments";
        await using (var session = app.Store.LightweightSession())
        {
            session.QueueSqlCommand($"update {places} set name = 'Doctored' where stream_id = ?", round);
            session.QueueSqlCommand($"insert into {places} (event_id, stream_id, concept, event_type, drawing, summary, name, precision, occurred, occurred_from, occurred_to, sources, recorded, geom) " +
                $"select gen_random_uuid(), stream_id, concept, event_type, drawing, summary, 'Stray', precision, occurred, occurred_from, occurred_to, sources, recorded, geom from {places} where stream_id = ?", round);
            await session.SaveChangesAsync();
        }
        Names(await FindAsync($"streamId={round}")).ShouldBe(["Doctored", "Stray"], ignoreOrder: true);

        using var daemon = await app.Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync("DevelopmentPlaces", TimeSpan.FromMinutes(1), CancellationToken.None);

        Names(await FindAsync($"streamId={round}")).ShouldBe(["Venue D"]);
    }

    [Fact]
    public async Task A_development_without_a_place_is_stored_as_before_and_is_not_on_the_map()
    {
        var round = (await app.Post("/api/rounds", GivenRounds.InBaku())).ShouldBe(HttpStatusCode.Created).Id;
        (await FindAsync($"streamId={round}")).ShouldBeEmpty();
        await using var session = app.Store.QuerySession();
        var stored = await session.QueryAsync<string>($"select data::text from {app.Schema}.mt_events where stream_id = ?", round);
        stored.ShouldHaveSingleItem().ShouldNotContain("location");
    }

    [Fact]
    public async Task A_place_that_is_not_valid_is_refused_naming_it_and_nothing_is_appended()
    {
        var before = await app.EventCount();
        var selfCrossing = JsonNode.Parse("""{"type":"Polygon","coordinates":[[[80,-45],[81,-44],[81,-45],[80,-44],[80,-45]]]}""");
        var body = System.Text.Json.JsonSerializer.SerializeToNode(GivenRounds.InBaku(), Api.Json)!.AsObject();
        body["provenance"]!["location"] = new JsonObject { ["geometry"] = selfCrossing, ["precision"] = "exact" };
        (await app.Post("/api/rounds", body)).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!["provenance.location.geometry"]![0]!.GetValue<string>().ShouldContain("self-intersection");
        body["provenance"]!["location"] = new JsonObject { ["geometry"] = JsonNode.Parse("""{"type":"Point","coordinates":[81,-45]}"""), ["precision"] = "street" };
        (await app.Post("/api/rounds", body)).ShouldBeProblem(HttpStatusCode.BadRequest);
        body["provenance"]!["location"] = new JsonObject { ["precision"] = "exact" };
        (await app.Post("/api/rounds", body)).ShouldBeProblem(HttpStatusCode.BadRequest).Detail!.ShouldContain("geometry");

        var incident = JsonNode.Parse("""
            {"kind":"clash","summary":"Clashes","place":{"geometry":{"type":"Point","coordinates":[81,-45]},"precision":"exact"},
             "provenance":{"sources":[{"name":"Reuters","kind":"media"}],"occurred":"2025-07-14","location":{"geometry":{"type":"Point","coordinates":[81,-45]},"precision":"exact"}}}
            """)!;
        (await app.Post("/api/incidents", incident)).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("provenance.location").ShouldBeTrue();
        (await app.EventCount()).ShouldBe(before);

        (await app.Get("/api/places?concept=weather")).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!["concept"]![0]!.GetValue<string>().ShouldContain("Rounds");
        (await app.Get("/api/places?concept=incidents")).ShouldBeProblem(HttpStatusCode.BadRequest);
        (await app.Get("/api/places?toSequence=0")).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("toSequence").ShouldBeTrue();
        (await app.Get("/api/places?bbox=1,2,3")).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("bbox").ShouldBeTrue();
        (await app.Get("/api/places?from=2025-09-02&to=2025-09-01")).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("to").ShouldBeTrue();
        (await app.Get("/health")).Status.ShouldBe(HttpStatusCode.OK);
    }
}
