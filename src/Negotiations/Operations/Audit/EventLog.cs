using System.Data;
using Marten;
using Negotiations.Kernel;
using Npgsql;

namespace Negotiations.Operations.Audit;

/// <summary>Plain SQL over the event store's tables, read with data readers so that nothing is materialised.</summary>
public sealed class EventLog(IDocumentStore store)
{
    public string Schema { get; } = store.Options.Events.DatabaseSchemaName;

    public string Events => $"\"{Schema}\".mt_events";
    public string Chain => $"\"{Schema}\".{AuditSchema.ChainTable}";
    public string Checkpoints => $"\"{Schema}\".{AuditSchema.CheckpointTable}";
    public string Tree => $"\"{Schema}\".{AuditSchema.TreeTable}";
    public string Releases => $"\"{Schema}\".{AuditSchema.ReleaseTable}";

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellation)
    {
        var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        return connection;
    }

    /// <summary>
    /// The event store and the chain's tables exist: db-apply creates them with the rest of the schema; otherwise
    /// they are created on first use, like Marten's own (only where the application may create tables).
    /// </summary>
    public async Task EnsureAsync(CancellationToken cancellation)
    {
        if (ensured) return;
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(JasperFx.Events.IEvent), cancellation);
        await using var connection = await OpenAsync(cancellation);
        await using (var exists = new NpgsqlCommand(
            $"select to_regclass('{Chain}') is not null and to_regclass('{Tree}') is not null and to_regclass('{Releases}') is not null " +
            $"and exists (select 1 from pg_attribute where attrelid = to_regclass('{Checkpoints}') and attname = 'note')", connection))
            if ((bool)(await exists.ExecuteScalarAsync(cancellation))!) { ensured = true; return; }
        await ExtendedSchema.EnsureAsync(store, o => o.Identifier.Name is AuditSchema.ChainTable or AuditSchema.CheckpointTable or AuditSchema.TreeTable
            or AuditSchema.ReleaseTable, cancellation);
        ensured = true;
    }

    private bool ensured;

    /// <summary>Every event after a sequence, in sequence order, as the chain covers it: read each row with <see cref="ChainedEventRow"/>.</summary>
    public NpgsqlCommand ChainedEventsCommand(NpgsqlConnection connection, long after, long? limit)
    {
        var command = new NpgsqlCommand(
            $"select {ChainedEventRow.Columns} from {Events} where seq_id > $1 order by seq_id" + (limit is null ? "" : " limit $2"), connection);
        command.Parameters.Add(new NpgsqlParameter { Value = after });
        if (limit is not null) command.Parameters.Add(new NpgsqlParameter { Value = limit.Value });
        return command;
    }
}
