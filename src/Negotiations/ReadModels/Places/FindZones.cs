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
    /// The zones drawn on the map (areas, bands, lines, sites) as GeoJSON, each with its latest drawing as it stands: all of
    /// them, or those of a kind, of an understanding, or crossing a bounding box. A zone not drawn yet is not on the map.
    /// </summary>
    [WolverineGet("/api/zones", OperationId = "FindZones"), Tags("Zones")]
    [EndpointSummary("Find the zones, lines and sites on the map, as a GeoJSON FeatureCollection")]
    [ProducesResponseType(typeof(ZoneFeatureCollection), StatusCodes.Status200OK, IncidentFeatures.MediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<Results<JsonHttpResult<ZoneFeatureCollection>, ProblemHttpResult>> Get(IQuerySession session, CancellationToken cancellation,
        [FromQuery, Description(BoundingBox.Description)] string? bbox = null,
        [FromQuery, Description("Only zones of this kind (zone-kind in the codebook)")] string? kind = null,
        [FromQuery, Description("Only the zones of this understanding")] Guid? understandingId = null)
    {
        var problems = new Problems();
        var box = BoundingBox.Parse(bbox, problems);
        var wanted = kind is null ? null : DomainProblem.FromWord<ZoneKind>(kind);
        problems.When(kind is not null && wanted is null, "kind", $"Expected {Kernel.Accepted.InQuery(typeof(ZoneKind))}.");
        if (problems.Any) return TypedResults.Problem(problems.Result());

        await session.Database.EnsureStorageExistsAsync(typeof(ZoneDetails), cancellation);
        var zones = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(ZoneDetails)).TableName.QualifiedName;
        var clauses = new List<string> { "d.data -> 'area' is not null", "jsonb_typeof(d.data -> 'area') = 'object'", "not (d.data ->> 'retracted')::boolean" };
        var parameters = new List<object>();
        if (box is { } b)
        {
            clauses.Add("ST_Intersects(ST_SetSRID(ST_GeomFromGeoJSON(d.data -> 'area' -> 'geometry'), 4326), ST_MakeEnvelope(?, ?, ?, ?, 4326))");
            parameters.AddRange([b.West, b.South, b.East, b.North]);
        }
        if (wanted is { } only) { clauses.Add("d.data ->> 'kind' = ?"); parameters.Add(only.Word()); }
        if (understandingId is { } understanding) { clauses.Add("d.data -> 'understandingIds' @> to_jsonb(array[?::text])"); parameters.Add(understanding.ToString()); }

        var sql = $"""
            select json_build_object('type', 'Feature', 'id', d.id, 'geometry', d.data -> 'area' -> 'geometry',
                'properties', json_build_object('zoneId', d.id, 'name', d.data -> 'name', 'kind', d.data -> 'kind', 'reference', d.data -> 'reference',
                    'precision', d.data -> 'area' -> 'precision', 'placeName', d.data -> 'area' -> 'name', 'understandingIds', d.data -> 'understandingIds',
                    'violationCount', d.data -> 'violationCount', 'areaEventId', d.data -> 'areaEventId'))
            from {zones} d
            where {string.Join(" and ", clauses)}
            order by d.data ->> 'name', d.id
            """;
        var features = (await session.QueryAsync<string>(sql, cancellation, [.. parameters])).Select(f => System.Text.Json.JsonSerializer.Deserialize<ZoneFeature>(f, JsonDialect.Web)!).ToList();
        return TypedResults.Json(new ZoneFeatureCollection("FeatureCollection", features), JsonDialect.Web, IncidentFeatures.MediaType);
    }
}
