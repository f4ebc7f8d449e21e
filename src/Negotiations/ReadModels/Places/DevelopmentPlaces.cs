using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Negotiations.ReadModels.Places;

/// <summary>
/// The read model of where developments happened: those whose provenance gives a place (a round's venue, the province
/// of a casualty claim, the town an official is appointed for), and zones' drawings (<c>drawing</c>: the place is what
/// the development records, <see cref="Kernel.IPlacedDevelopment"/>). One row per such development: its geometry in a
/// PostGIS column (SRID 4326, GiST-indexed), its concept, kind and a readable line, when it occurred (first and last
/// possible day), when it was recorded and, once a retraction or correction took it back, when and by which event (a
/// release's cut is by the events' sequence, read from the log). Incidents have their own (<see cref="IncidentPlaces"/>).
/// </summary>
/// <remarks>
/// A correction's replacement stands in the place of what it corrected, as in <see cref="Kernel.AsItStands"/>:
/// <c>stands_at</c> is the stream version a row stands at (its own, or the corrected one's), <c>replaced_at</c> the
/// version of a corrected row's replacement (the event right after the correction), by which the replacement finds it.
/// So "the latest drawing" of a zone is the one standing at the highest version, as <c>ZoneDetails</c> folds it.
/// </remarks>
public static class DevelopmentPlaces
{
    public const string TableName = "places_developments";

    public static string Qualified(string schema) => $"\"{schema}\".{TableName}";

    public static Table Define(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("event_id").AsPrimaryKey();
        table.AddColumn<Guid>("stream_id").NotNull();
        table.AddColumn<string>("concept").NotNull();
        table.AddColumn<string>("event_type").NotNull();
        table.AddColumn<bool>("drawing").NotNull();
        table.AddColumn<string>("summary").NotNull();
        table.AddColumn<string>("name");
        table.AddColumn<string>("precision").NotNull();
        table.AddColumn("occurred", "jsonb").NotNull();
        table.AddColumn("occurred_from", "date").NotNull();
        table.AddColumn("occurred_to", "date").NotNull();
        table.AddColumn("sources", "jsonb").NotNull();
        table.AddColumn("recorded", "timestamptz").NotNull();
        table.AddColumn("taken_back", "timestamptz");
        table.AddColumn<Guid>("taken_back_by");
        table.AddColumn<long>("stands_at");
        table.AddColumn<long>("replaced_at");
        table.AddColumn("geom", "geometry(Geometry,4326)").NotNull();
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_geom") { Columns = ["geom"], Method = IndexMethod.gist });
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_stream_id") { Columns = ["stream_id"] });
        return table;
    }
}
