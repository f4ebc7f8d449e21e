using System.Runtime.CompilerServices;
using JasperFx;
using Marten;
using Npgsql;
using Weasel.Core;
using Weasel.Postgresql;

namespace Negotiations.ReadModels.Places;

/// <summary>
/// The places' table exists before a read queries it: db-apply creates it with the rest of the schema; a store that
/// never had it (created on first use, as in a fresh test schema) gets it here, once per store, as Marten creates its own.
/// </summary>
public static class PlacesStorage
{
    private static readonly ConditionalWeakTable<IDocumentStore, Task> Ensured = new();

    public static Task EnsureAsync(IDocumentStore store, CancellationToken cancellation) =>
        Ensured.GetValue(store, s => CreateAsync(s, CancellationToken.None)).WaitAsync(cancellation);

    private static async Task CreateAsync(IDocumentStore store, CancellationToken cancellation)
    {
        var options = (StoreOptions)store.Options;
        var objects = options.Storage.ExtendedSchemaObjects
            .Where(o => o is Extension || o.Identifier.Name == IncidentPlaces.TableName).ToArray();
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        var migration = await SchemaMigration.DetermineAsync(connection, cancellation, objects);
        var ddl = new StringWriter();
        await new PostgresqlMigrator().ApplyAllAsync(connection, migration, AutoCreate.CreateOrUpdate, new Weasel.Core.Migrations.DefaultMigrationLogger(ddl), cancellation);
        if (ddl.GetStringBuilder().Length > 0) options.Logger().SchemaChange(ddl.ToString());
    }
}
