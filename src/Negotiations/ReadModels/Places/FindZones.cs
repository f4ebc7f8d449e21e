using System.ComponentModel;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Negotiations.Zones;
using Wolverine.Http;

namespace Negotiations.ReadModels.Places;

public static class FindZonesEndpoint
{
    /// <summary>
    /// The zones drawn on the map (areas, bands, lines, sites) as GeoJSON, each with its latest drawing as it stood on a day
    /// (asOf: drawings that occurred by then) or as recorded up to a moment (knownAt: a drawing corrected or a zone
    /// retracted later is still there), as it stands otherwise: all of them, or those of a kind, of an understanding, or
    /// crossing a bounding box. A zone not drawn yet is not on the map. Its name, kind and violation count are as they
    /// stand. One query over the places' PostGIS table.
    /// </summary>
    [WolverineGet("/api/zones", OperationId = "FindZones"), Tags("Zones")]
    [EndpointSummary("Find the zones, lines and sites on the map, as a GeoJSON FeatureCollection")]
    [ProducesResponseType(typeof(ZoneFeatureCollection), StatusCodes.Status200OK, GeoJson.MediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<Results<JsonHttpResult<ZoneFeatureCollection>, ProblemHttpResult>> Get(IQuerySession session, CancellationToken cancellation,
        [FromQuery, Description(BoundingBox.Description)] string? bbox = null,
        [FromQuery, Description("Only zones of this kind (zone-kind in the codebook)")] string? kind = null,
        [FromQuery, Description("Only the zones of this understanding")] Guid? understandingId = null,
        [FromQuery, Description(TimeAxes.AsOf)] DateOnly? asOf = null, [FromQuery, Description(TimeAxes.KnownAt)] DateTimeOffset? knownAt = null,
        [FromQuery, Description(TimeAxes.ToSequence)] long? toSequence = null)
    {
        var problems = new Problems();
        var box = BoundingBox.Parse(bbox, problems);
        var wanted = kind is null ? null : DomainProblem.FromWord<ZoneKind>(kind);
        problems.When(kind is not null && wanted is null, "kind", $"Expected {Kernel.Accepted.InQuery(typeof(ZoneKind))}.")
            .When(toSequence < 1, "toSequence", "A sequence, from 1.");
        if (problems.Any) return TypedResults.Problem(problems.Invalid());

        await session.Database.EnsureStorageExistsAsync(typeof(ZoneDetails), cancellation);
        await PlacesStorage.EnsureAsync(session.DocumentStore, cancellation);
        var zones = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(ZoneDetails)).TableName.QualifiedName;
        var places = DevelopmentPlaces.Qualified(session.DocumentStore.Options.DatabaseSchemaName);
        // The latest drawing of each zone on the chosen axes: the one standing latest in its stream, as ZoneDetails folds them
        // (a correction's replacement stands where the corrected drawing stood).
        var drawings = new PlaceFilter("taken_back").Add("p.drawing and p.concept = ?", Kernel.Concepts.Of(typeof(ZoneMapped)))
            .Recorded(knownAt, toSequence, PlacesStorage.Events(session)).Occurred(null, null, asOf);
        var shown = new PlaceFilter("taken_back").Within(box);
        if (wanted is { } only) shown.Add("d.data ->> 'kind' = ?", only.Word());
        if (understandingId is { } understanding) shown.Add("d.data -> 'understandingIds' @> to_jsonb(array[?::text])", understanding.ToString());

        var sql = $"""
            select json_build_object('type', 'Feature', 'id', d.id, 'geometry', ST_AsGeoJSON(p.geom)::json,
                'properties', json_build_object('zoneId', d.id, 'name', d.data -> 'name', 'kind', d.data -> 'kind', 'reference', d.data -> 'reference',
                    'precision', p.precision, 'placeName', p.name, 'understandingIds', d.data -> 'understandingIds',
                    'violationCount', d.data -> 'violationCount', 'areaEventId', p.event_id))
            from (select distinct on (p.stream_id) p.* from {places} p where {drawings.Where} order by p.stream_id, p.stands_at desc nulls last, p.recorded desc, p.event_id desc) p
            join {zones} d on d.id = p.stream_id
            where {shown.Where}
            order by d.data ->> 'name', d.id
            """;
        var features = await GeoJson.ReadAsync<ZoneFeature>(session, sql, [.. drawings.Parameters, .. shown.Parameters], cancellation);
        return TypedResults.Json(new ZoneFeatureCollection("FeatureCollection", features), JsonDialect.Web, GeoJson.MediaType);
    }
}
