using System.ComponentModel;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Incidents;
using Negotiations.Kernel;
using Negotiations.Zones;
using Wolverine.Http;

namespace Negotiations.ReadModels.Places;

public static class FindIncidentsEndpoint
{
    /// <summary>
    /// Incidents as GeoJSON, for a map: in a bounding box, inside a zone's area or within withinKm of it (the area as it
    /// stands, or as recorded by knownAt), of a kind, of an understanding or counted by a casualty claim, that occurred in a range of days or by a day (asOf), as recorded up
    /// to a moment (knownAt: an incident retracted later is still there). Retracted incidents are left out. One indexed
    /// PostGIS query over the incidents' places.
    /// </summary>
    [WolverineGet("/api/incidents", OperationId = "FindIncidents"), Tags("Incidents")]
    [EndpointSummary("Find incidents by place and time, as a GeoJSON FeatureCollection")]
    [ProducesResponseType(typeof(IncidentFeatureCollection), StatusCodes.Status200OK, GeoJson.MediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<Results<JsonHttpResult<IncidentFeatureCollection>, ProblemHttpResult>> Get(IQuerySession session, CancellationToken cancellation,
        [FromQuery, Description(BoundingBox.Description)] string? bbox = null,
        [FromQuery, Description("Only incidents inside this zone's area (or within withinKm of it)")] Guid? zoneId = null,
        [FromQuery, Description("With zoneId: within this many kilometres of the zone's area, 0 to 1000 (0, the default: inside it)")] double? withinKm = null,
        [FromQuery, Description("Only incidents of this kind: air-strike, shelling, clash, raid, arrest or other")] string? kind = null,
        [FromQuery, Description("Only the incidents that concern this understanding")] Guid? understandingId = null,
        [FromQuery, Description("Only the incidents whose toll this casualty claim counts")] Guid? casualtyClaimId = null,
        [FromQuery, Description(TimeAxes.From)] DateOnly? from = null, [FromQuery, Description(TimeAxes.To)] DateOnly? to = null,
        [FromQuery, Description(TimeAxes.AsOf)] DateOnly? asOf = null, [FromQuery, Description(TimeAxes.KnownAt)] DateTimeOffset? knownAt = null,
        [FromQuery, Description(TimeAxes.ToSequence)] long? toSequence = null)
    {
        var problems = new Problems();
        var box = BoundingBox.Parse(bbox, problems);
        var wanted = kind is null ? null : DomainProblem.FromWord<IncidentKind>(kind);
        problems.When(kind is not null && wanted is null, "kind", $"Expected {Kernel.Accepted.InQuery(typeof(IncidentKind))}.");
        problems.When(from > to, "to", "The range ends before it starts.").When(toSequence < 1, "toSequence", "A sequence, from 1.");
        problems.When(withinKm is not null && zoneId is null, "withinKm", "Only with zoneId: the distance is from the zone's area.");
        problems.When(withinKm is < 0 or > 1000 || (withinKm is { } km && !double.IsFinite(km)), "withinKm", "Kilometres, 0 to 1000.");
        if (problems.Any) return TypedResults.Problem(problems.Invalid());

        Guid? zoneDrawing = null;
        NetTopologySuite.Geometries.Envelope? zoneBox = null;
        if (zoneId is { } zone)
        {
            var details = knownAt is null && toSequence is null
                ? await session.LoadAsync<ZoneDetails>(zone, cancellation)
                : AsItStands.Fold<ZoneDetails>((await session.Events.FetchStreamAsync(zone, 0, knownAt, token: cancellation)).Where(e => e.Sequence <= (toSequence ?? long.MaxValue)).ToList());
            if (details is null) return TypedResults.Problem($"No zone has id {zone}{(knownAt is null && toSequence is null ? "" : " as recorded by then")}.", statusCode: 404, title: "Unknown zone");
            if (details is not { Area: { } area, AreaEventId: { } drawing })
                return TypedResults.Problem($"The zone {details.Name} has no area on the map{(knownAt is null && toSequence is null ? "" : " as recorded by then")}: draw it with MapZone (POST /api/zones/{zone}/area).",
                    statusCode: 409, title: "The zone is not on the map");
            zoneDrawing = drawing;
            zoneBox = area.Geometry.EnvelopeInternal;
        }

        // Raw SQL creates nothing: on a store that has never stored an incident, its tables are made first, as Marten would.
        await session.Database.EnsureStorageExistsAsync(typeof(Incident), cancellation);
        await PlacesStorage.EnsureAsync(session.DocumentStore, cancellation);
        var places = IncidentPlaces.Qualified(session.DocumentStore.Options.DatabaseSchemaName);
        var incidents = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(Incident)).TableName.QualifiedName;
        // The zone's area as the places' table keeps it, by the event that drew it.
        var drawn = $"(select z.geom from {DevelopmentPlaces.Qualified(session.DocumentStore.Options.DatabaseSchemaName)} z where z.event_id = ?)";
        var filter = new PlaceFilter("retracted").Recorded(knownAt, toSequence, PlacesStorage.Events(session)).Within(box);
        if (zoneDrawing is not null && withinKm is > 0)
        {
            // The distance on the geography, after a box around the area in degrees wide enough for it: the box is what
            // the geometry's GiST index answers (a cast to geography alone would read every row).
            var (dx, dy) = Degrees(zoneBox!, withinKm.Value);
            filter.Add($"p.geom && ST_Expand({drawn}, ?, ?)", zoneDrawing, dx, dy)
                .Add($"ST_DWithin(p.geom::geography, {drawn}::geography, ?)", zoneDrawing, withinKm.Value * 1000);
        }
        else if (zoneDrawing is not null)
            filter.Add($"ST_Intersects(p.geom, {drawn})", zoneDrawing);
        if (wanted is { } only) filter.Add("p.kind = ?", only.Word());
        if (understandingId is { } understanding) filter.Add("d.data -> 'understandingIds' @> to_jsonb(array[?::text])", understanding.ToString());
        if (casualtyClaimId is { } claim) filter.Add("d.data -> 'casualtyClaimIds' @> to_jsonb(array[?::text])", claim.ToString());
        filter.Occurred(from, to, asOf);

        var sql = $"""
            select json_build_object('type', 'Feature', 'id', p.incident_id, 'geometry', ST_AsGeoJSON(p.geom)::json,
                'properties', json_build_object('incidentId', p.incident_id, 'kind', p.kind, 'kindLabel', d.data -> 'kindLabel',
                    'summary', d.data -> 'summary', 'precision', p.precision, 'placeName', d.data -> 'place' -> 'name',
                    'occurred', d.data -> 'occurred', 'actors', d.data -> 'actors', 'understandingIds', d.data -> 'understandingIds',
                    'casualtyClaimIds', coalesce(d.data -> 'casualtyClaimIds', '[]'::jsonb),
                    'sources', d.data -> 'sources', 'recorded', p.recorded))
            from {places} p join {incidents} d on d.id = p.incident_id
            where {filter.Where}
            order by p.occurred_from, p.incident_id {GeoJson.Limit}
            """;
        var (features, truncated) = await GeoJson.ReadCappedAsync<IncidentFeature>(session, sql, filter.Parameters, cancellation);
        return TypedResults.Json(new IncidentFeatureCollection("FeatureCollection", features, truncated), JsonDialect.Web, GeoJson.MediaType);
    }

    /// <summary>Degrees of longitude and latitude that cover at least this many kilometres anywhere around the box (with a margin).</summary>
    private static (double Longitude, double Latitude) Degrees(NetTopologySuite.Geometries.Envelope box, double km)
    {
        var latitude = km / 110.574 * 1.01;
        var farthest = Math.Min(89.9, Math.Max(Math.Abs(box.MinY), Math.Abs(box.MaxY)) + latitude);
        return (Math.Min(360, km / (111.320 * Math.Cos(farthest * Math.PI / 180)) * 1.01), latitude);
    }
}
