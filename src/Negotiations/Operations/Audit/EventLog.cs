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
        if (chainEnsured) return;
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(JasperFx.Events.IEvent), cancellation);
        chainEnsured = await EnsureTablesAsync([AuditSchema.ChainTable, AuditSchema.TreeTable, AuditSchema.CheckpointTable],
            $"exists (select 1 from pg_attribute where attrelid = to_regclass('{Checkpoints}') and attname = 'note')", cancellation);
    }

    /// <summary>The releases' table as well, apart: a store upgraded without it still chains, proves and exports.</summary>
    public async Task EnsureReleasesAsync(CancellationToken cancellation)
    {
        await EnsureAsync(cancellation);
        if (!releasesEnsured) releasesEnsured = await EnsureTablesAsync([AuditSchema.ReleaseTable], null, cancellation);
    }

    private bool chainEnsured, releasesEnsured;

    /// <summary>Creates the tables (and what <paramref name="also"/> checks) unless they are there; true once they are.</summary>
    private async Task<bool> EnsureTablesAsync(string[] tables, string? also, CancellationToken cancellation)
    {
        await using (var connection = await OpenAsync(cancellation))
        await using (var exists = new NpgsqlCommand(
                         "select " + string.Join(" and ", tables.Select(t => $"to_regclass('\"{Schema}\".{t}') is not null").Append(also).OfType<string>()), connection))
            if ((bool)(await exists.ExecuteScalarAsync(cancellation))!) return true;
        await ExtendedSchema.EnsureAsync(store, o => tables.Contains(o.Identifier.Name), cancellation);
        return true;
    }

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
