using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Negotiations.ReadModels.Places;

/// <summary>
/// The read model of where incidents happened: one row per incident with its geometry in a PostGIS column (SRID 4326,
/// GiST-indexed), its kind and precision, when it occurred (first and last possible day) and both moments of the
/// recording axis: when it was recorded and, once retracted, when that was recorded. So a query on either time axis is
/// one indexed SQL statement.
/// </summary>
public static class IncidentPlaces
{
    public const string TableName = "places_incidents";

    public static string Qualified(string schema) => $"\"{schema}\".{TableName}";

    public static Table Define(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("incident_id").AsPrimaryKey();
        table.AddColumn<Guid>("event_id").NotNull();
        table.AddColumn<string>("kind").NotNull();
        table.AddColumn<string>("precision").NotNull();
        table.AddColumn("occurred_from", "date").NotNull();
        table.AddColumn("occurred_to", "date").NotNull();
        table.AddColumn("recorded", "timestamptz").NotNull();
        table.AddColumn("retracted", "timestamptz");
        table.AddColumn<Guid>("retracted_by");
        table.AddColumn("geom", "geometry(Geometry,4326)").NotNull();
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_geom") { Columns = ["geom"], Method = IndexMethod.gist });
        return table;
    }
}
