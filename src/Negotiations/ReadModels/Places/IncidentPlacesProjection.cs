using System.Text.Json;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Negotiations.Incidents;
using Negotiations.Kernel;

namespace Negotiations.ReadModels.Places;

/// <summary>
/// Keeps <see cref="IncidentPlaces"/> inline with the incidents' events: a report adds its row, a retraction of the
/// report stamps the row with when it was recorded. Both are idempotent (a rebuild over the table gives the same rows);
/// the geometry is handed to PostGIS as GeoJSON. Rebuilt from the events like any projection.
/// </summary>
public sealed class IncidentPlacesProjection : EventProjection
{
    private readonly string table;

    public IncidentPlacesProjection(string schema)
    {
        table = IncidentPlaces.Qualified(schema);
        // A rebuild starts from an empty table, as for a document projection.
        Options.DeleteDataInTableOnTeardown(table);
        Name = "IncidentPlaces";
        IncludeType<IncidentReported>();
        IncludeType<DevelopmentRetracted>();
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case IncidentReported r:
                operations.QueueSqlCommand(
                    $"insert into {table} (incident_id, event_id, kind, precision, occurred_from, occurred_to, recorded, geom) " +
                    "values (?, ?, ?, ?, ?, ?, ?, ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)) on conflict (incident_id) do nothing",
                    r.IncidentId, e.Id, r.Kind.Word(), r.Place.Precision.Word(), r.Provenance.Occurred.From, r.Provenance.Occurred.Latest,
                    e.Timestamp, JsonSerializer.Serialize(r.Place.Geometry, JsonDialect.Web));
                break;
            case DevelopmentRetracted r:
                operations.QueueSqlCommand($"update {table} set retracted = ?, retracted_by = ? where incident_id = ? and event_id = ? and retracted is null",
                    e.Timestamp, e.Id, e.StreamId, r.RetractedEventId);
                break;
        }
        return ValueTask.CompletedTask;
    }
}
