using System.Text.Json;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Negotiations.Incidents;
using Negotiations.Kernel;
using Negotiations.ReadModels.Timeline;

namespace Negotiations.ReadModels.Places;

/// <summary>
/// Keeps <see cref="DevelopmentPlaces"/> inline with the events: a development with a place (its own, such as a zone's
/// drawing, or its provenance's) adds its row; a retraction or correction stamps the row of the development it names
/// with when it was recorded and by which event, and a retraction of the development that opened a stream stamps every
/// row of the stream (the stream is taken back as a whole). A rebuild empties the table and gives the same rows. A new
/// kind of development needs nothing here.
/// </summary>
public sealed class DevelopmentPlacesProjection : EventProjection
{
    private readonly string table;
    private readonly string events;

    /// <summary>Every development and every retraction or correction, but incidents, whose places have their own table.</summary>
    private static readonly HashSet<Type> Included = TimelineEntries.EventTypes().Where(t => t != typeof(IncidentReported)).ToHashSet();

    public DevelopmentPlacesProjection(string schema, string eventsSchema)
    {
        table = DevelopmentPlaces.Qualified(schema);
        events = $"\"{eventsSchema}\".mt_events";
        // A rebuild starts from an empty table, as for a document projection.
        Options.DeleteDataInTableOnTeardown(table);
        Name = "DevelopmentPlaces";
        foreach (var type in Included) IncludeType(type);
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        // Run inline, the projection is handed every event appended, whatever types it includes: the daemon's rebuild
        // hands it only those, so it filters them itself to build the same rows both ways.
        if (!Included.Contains(e.EventType)) return ValueTask.CompletedTask;
        if (TimelineEntries.TargetOf(e.Data) is { } targetId)
        {
            // A correction notes on the corrected row the version its replacement comes at (right after the correction);
            // a retraction of the stream's opening development takes the whole stream back.
            var replacedAt = e.Data is DevelopmentCorrected ? e.Version + 1 : (long?)null;
            operations.QueueSqlCommand(
                $"update {table} set taken_back = ?, taken_back_by = ?, replaced_at = ? where taken_back is null and (event_id = ? " +
                $"or (?::boolean and stream_id = ? and exists (select 1 from {events} o where o.id = ? and o.version = 1)))",
                e.Timestamp, e.Id, (object?)replacedAt ?? DBNull.Value, targetId, e.Data is DevelopmentRetracted, e.StreamId, targetId);
        }
        else if (e.Data is IDevelopment development && PlaceRules.Of(development) is { } place)
        {
            var provenance = development.Provenance;
            var data = JsonSerializer.SerializeToElement(e.Data, e.EventType, JsonDialect.Web);
            operations.QueueSqlCommand(
                $"insert into {table} (event_id, stream_id, concept, event_type, drawing, summary, name, precision, occurred, occurred_from, occurred_to, sources, recorded, geom, stands_at) " +
                "values (?, ?, ?, ?, ?, ?, nullif(?, ''), ?, ?::jsonb, ?, ?, ?::jsonb, ?, ST_SetSRID(ST_GeomFromGeoJSON(?), 4326), " +
                $"coalesce((select o.stands_at from {table} o where o.stream_id = ? and o.replaced_at = ?), ?)) on conflict (event_id) do nothing",
                e.Id, e.StreamId, Concepts.Of(e.EventType), e.EventTypeName, development is IPlacedDevelopment, TimelineEntries.Summarise(e.EventType, data),
                place.Name ?? "", place.Precision.Word(),
                JsonSerializer.Serialize(provenance.Occurred, JsonDialect.Web), provenance.Occurred.From, provenance.Occurred.Latest,
                JsonSerializer.Serialize(provenance.Sources, JsonDialect.Web), e.Timestamp, JsonSerializer.Serialize(place.Geometry, JsonDialect.Web),
                e.StreamId, e.Version, e.Version);
        }
        return ValueTask.CompletedTask;
    }
}
