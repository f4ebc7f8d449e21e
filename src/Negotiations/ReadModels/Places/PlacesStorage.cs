using System.Runtime.CompilerServices;
using Marten;
using Negotiations.Kernel;
using Weasel.Postgresql;

namespace Negotiations.ReadModels.Places;

/// <summary>
/// The places' table exists before a read queries it: db-apply creates it with the rest of the schema; a store that
/// never had it (created on first use, as in a fresh test schema) gets it here, once per store.
/// </summary>
public static class PlacesStorage
{
    /// <summary>The tables the places' projections fill, each with its key: what a replay compares beside the documents.</summary>
    public static IReadOnlyList<(string Table, string Key)> ProjectedTables { get; } =
        [(IncidentPlaces.TableName, "incident_id"), (DevelopmentPlaces.TableName, "event_id")];

    /// <summary>The event log's table, for a cut by sequence (<see cref="PlaceFilter.Recorded"/>).</summary>
    public static string Events(IQuerySession session) => $"\"{session.DocumentStore.Options.Events.DatabaseSchemaName}\".mt_events";

    private static readonly ConditionalWeakTable<IDocumentStore, Task> Ensured = new();

    public static async Task EnsureAsync(IDocumentStore store, CancellationToken cancellation)
    {
        var ensuring = Ensured.GetValue(store, s => ExtendedSchema.EnsureAsync(s, o => o is Extension || o.Identifier.Name is IncidentPlaces.TableName or DevelopmentPlaces.TableName, CancellationToken.None));
        try
        {
            await ensuring.WaitAsync(cancellation);
        }
        catch when (ensuring.IsFaulted)
        {
            Ensured.Remove(store); // the next read tries again rather than failing for good
            throw;
        }
    }
}
