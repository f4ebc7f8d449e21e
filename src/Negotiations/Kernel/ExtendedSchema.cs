using JasperFx;
using Marten;
using Npgsql;
using Weasel.Core;
using Weasel.Postgresql;

namespace Negotiations.Kernel;

/// <summary>
/// Creates the store's extended schema objects (tables beside Marten's own, an extension) that a raw SQL read or write
/// needs: db-apply creates them with the rest of the schema, but Marten creates only its own on first use. The DDL goes
/// to Marten's log, as Marten's own does (Weasel writes it to the console unless given a writer).
/// </summary>
public static class ExtendedSchema
{
    public static async Task EnsureAsync(IDocumentStore store, Func<ISchemaObject, bool> which, CancellationToken cancellation)
    {
        var options = (StoreOptions)store.Options;
        var objects = options.Storage.ExtendedSchemaObjects.Where(which).ToArray();
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        var migration = await SchemaMigration.DetermineAsync(connection, cancellation, objects);
        var ddl = new StringWriter();
        await new PostgresqlMigrator().ApplyAllAsync(connection, migration, AutoCreate.CreateOrUpdate, new Weasel.Core.Migrations.DefaultMigrationLogger(ddl), cancellation);
        if (ddl.GetStringBuilder().Length > 0) options.Logger().SchemaChange(ddl.ToString());
    }
}
