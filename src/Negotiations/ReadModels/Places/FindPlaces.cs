using System.ComponentModel;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Incidents;
using Negotiations.Kernel;
using Negotiations.ReadModels.Timeline;
using Wolverine.Http;

namespace Negotiations.ReadModels.Places;

public static class FindPlacesEndpoint
{
    /// <summary>The concepts whose developments may have a place here: incidents are found by FindIncidents.</summary>
    public static IReadOnlyList<string> Concepts { get; } =
        TimelineEntries.Concepts.Where(c => c is not Kernel.Concepts.Corrections && c != Kernel.Concepts.Of(typeof(IncidentReported))).ToList();

    /// <summary>
    /// Where developments happened, as GeoJSON, for those whose provenance gives a place (provenance.location): a round's
    /// venue, the province of a casualty claim, the jurisdiction of an appointment. In a bounding box, of a concept or a
    /// stream, in a range of days or by a day (asOf), as recorded up to a moment (knownAt: a development taken back later
    /// is still there). Developments taken back are left out; a correction's replacement is there in their place.
    /// </summary>
    [WolverineGet("/api/places", OperationId = "FindPlaces"), Tags("Places")]
    [EndpointSummary("Find where developments happened (provenance.location), as a GeoJSON FeatureCollection")]
    [ProducesResponseType(typeof(PlaceFeatureCollection), StatusCodes.Status200OK, GeoJson.MediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<Results<JsonHttpResult<PlaceFeatureCollection>, ProblemHttpResult>> Get(IQuerySession session, CancellationToken cancellation,
        [FromQuery, Description(BoundingBox.Description)] string? bbox = null,
        [FromQuery, Description("Only developments of this concept: Rounds, Zones, Casualties, Appointments... (as the timeline names them)")] string? concept = null,
        [FromQuery, Description("Only the developments of this stream (a round, a zone, a casualty claim...)")] Guid? streamId = null,
        [FromQuery, Description(TimeAxes.From)] DateOnly? from = null, [FromQuery, Description(TimeAxes.To)] DateOnly? to = null,
        [FromQuery, Description(TimeAxes.AsOf)] DateOnly? asOf = null, [FromQuery, Description(TimeAxes.KnownAt)] DateTimeOffset? knownAt = null,
        [FromQuery, Description(TimeAxes.ToSequence)] long? toSequence = null)
    {
        var problems = new Problems();
        var box = BoundingBox.Parse(bbox, problems);
        var conceptName = concept is null ? null : Concepts.FirstOrDefault(c => string.Equals(c, concept.Trim(), StringComparison.OrdinalIgnoreCase));
        problems.When(concept is not null && conceptName is null, "concept", $"One of {string.Join(", ", Concepts)}.");
        problems.When(from > to, "to", "The range ends before it starts.").When(toSequence < 1, "toSequence", "A sequence, from 1.");
        if (problems.Any) return TypedResults.Problem(problems.Invalid());

        await PlacesStorage.EnsureAsync(session.DocumentStore, cancellation);
        // A zone's drawings are the zones on the map: FindZones answers them.
        var filter = new PlaceFilter("taken_back").Add("not p.drawing").Recorded(knownAt, toSequence, PlacesStorage.Events(session))
            .Within(box).Occurred(from, to, asOf);
        if (conceptName is not null) filter.Add("p.concept = ?", conceptName);
        if (streamId is { } stream) filter.Add("p.stream_id = ?", stream);

        var sql = $"""
            select json_build_object('type', 'Feature', 'id', p.event_id, 'geometry', ST_AsGeoJSON(p.geom)::json,
                'properties', json_build_object('eventId', p.event_id, 'streamId', p.stream_id, 'concept', p.concept, 'eventType', p.event_type,
                    'summary', p.summary, 'precision', p.precision, 'placeName', p.name, 'occurred', p.occurred, 'sources', p.sources, 'recorded', p.recorded))
            from {DevelopmentPlaces.Qualified(session.DocumentStore.Options.DatabaseSchemaName)} p
            where {filter.Where}
            order by p.occurred_from, p.recorded, p.event_id {GeoJson.Limit}
            """;
        var (features, truncated) = await GeoJson.ReadCappedAsync<PlaceFeature>(session, sql, filter.Parameters, cancellation);
        return TypedResults.Json(new PlaceFeatureCollection("FeatureCollection", features, truncated), JsonDialect.Web, GeoJson.MediaType);
    }
}
