using JasperFx.Events.Daemon;
using Negotiations.Operations.Settings;
using Marten;
using Marten.Events;
using Npgsql;

namespace Negotiations.Operations.Audit;

/// <summary>One document that the rebuild does not reproduce: missing on one side, or with other values.</summary>
public sealed record ReplayDifference(string Table, string Id, string Kind, IReadOnlyList<string> Fields);

public sealed record ReplayTable(string Table, long Live, long Rebuilt, int Differences);

public sealed record ReplayReport(IReadOnlyList<string> Projections, IReadOnlyList<ReplayTable> Tables, IReadOnlyList<ReplayDifference> Differences, long Events, double Seconds)
{
    public bool Identical => Differences.Count == 0;
}

/// <summary>
/// Rebuilds every projection, inline and asynchronous, from the events alone and compares the result with the
/// live documents. Nothing live is touched: the events are copied into a throwaway schema with the same store
/// configuration, where the daemon rebuilds each projection (Marten 9's daemon rebuilds inline projections
/// too, by their name), and the documents of both schemas are compared as jsonb, field by field.
/// </summary>
/// <summary>The store's whole configuration for another schema (the application's composition gives it).</summary>
public delegate StoreOptions ScratchStoreOptions(string connectionString, string schema);

public sealed class Replay(IDocumentStore store, IConfiguration configuration, ScratchStoreOptions scratchOptions)
{
    public const int DifferencesKept = 200;

    /// <summary>What a replay reports progress in: the copy of the log, each projection's rebuild, the comparison.</summary>
    public long Steps => ((DocumentStore)store).Options.Projections.All.Select(p => p.Name).Distinct().Count() + 2;

    public async Task<ReplayReport> RunAsync(TextWriter progress, CancellationToken cancellation, Action<long>? report = null)
    {
        long step = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var live = store.Options.Events.DatabaseSchemaName;
        await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(5));

        var scratch = $"{live}_replay_{Guid.NewGuid():N}"[..Math.Min(live.Length + 16, 63)].ToLowerInvariant();
        var connectionString = DatabaseLocation.ConnectionString(configuration);
        var options = scratchOptions(connectionString, scratch);
        // Its daemon is built and driven right here: not Disabled, which makes Marten warn on standard output.
        options.Projections.AsyncMode = DaemonMode.ExternallyManaged;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        try
        {
            using var replay = new DocumentStore(options);
            await replay.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

            // The log itself, copied as it is: same ids, sequences, versions and timestamps.
            var events = await Execute(connection,
                $"insert into \"{scratch}\".mt_streams select * from \"{live}\".mt_streams; " +
                $"insert into \"{scratch}\".mt_events select * from \"{live}\".mt_events; " +
                $"select setval('\"{scratch}\".mt_events_sequence', greatest((select max(seq_id) from \"{scratch}\".mt_events), 1)); " +
                $"analyze \"{scratch}\".mt_events; select count(*) from \"{scratch}\".mt_events", cancellation);
            await progress.WriteLineAsync($"replay: {events} events copied into {scratch}");
            report?.Invoke(++step);

            var names = options.Projections.All.Select(p => p.Name).Distinct().ToList();
            using var daemon = await replay.BuildProjectionDaemonAsync();
            foreach (var name in names)
            {
                await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(10), cancellation);
                await progress.WriteLineAsync($"replay: rebuilt {name}");
                report?.Invoke(++step);
            }

            var tables = new List<ReplayTable>();
            var differences = new List<ReplayDifference>();
            var liveTables = await DocumentTables(connection, live, cancellation);
            foreach (var table in await DocumentTables(connection, scratch, cancellation))
            {
                // Marten creates a document table when it first stores one: none live means no documents live.
                if (!liveTables.Contains(table))
                {
                    var only = await OnlyRebuilt(connection, scratch, table, cancellation);
                    tables.Add(new ReplayTable(table, 0, only.Count, only.Count));
                    differences.AddRange(only.Take(Math.Max(0, DifferencesKept - differences.Count)));
                    continue;
                }
                var liveCount = await Execute(connection, $"select count(*) from \"{live}\".{table}", cancellation);
                var rebuiltCount = await Execute(connection, $"select count(*) from \"{scratch}\".{table}", cancellation);
                var found = await Compare(connection, live, scratch, table, cancellation);
                tables.Add(new ReplayTable(table, liveCount, rebuiltCount, found.Count));
                differences.AddRange(found.Take(Math.Max(0, DifferencesKept - differences.Count)));
            }
            report?.Invoke(++step);
            return new ReplayReport(names, tables, differences, events, watch.Elapsed.TotalSeconds);
        }
        finally
        {
            await Execute(connection, $"drop schema if exists \"{scratch}\" cascade; select 0", CancellationToken.None);
        }
    }

    /// <summary>The projected document tables (every mt_doc_ table but Marten's own dead letters).</summary>
    private static async Task<List<string>> DocumentTables(NpgsqlConnection connection, string schema, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = $1 and table_name like 'mt\\_doc\\_%' " +
            "and table_name not in ('mt_doc_deadletterevent', 'mt_doc_statustrail', 'mt_doc_statuscheckpoint') order by table_name", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation)) tables.Add(reader.GetString(0));
        return tables;
    }

    private static async Task<List<ReplayDifference>> OnlyRebuilt(NpgsqlConnection connection, string scratch, string table, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand($"select id::text from \"{scratch}\".{table} order by 1 limit {DifferencesKept}", connection);
        var found = new List<ReplayDifference>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation)) found.Add(new ReplayDifference(table, reader.GetString(0), "only-rebuilt", []));
        return found;
    }

    private static async Task<List<ReplayDifference>> Compare(NpgsqlConnection connection, string live, string scratch, string table, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            $"select coalesce(l.id, r.id)::text, case when l.id is null then 'only-rebuilt' when r.id is null then 'only-live' else 'different' end, " +
            "array(select key from (select key, value from jsonb_each(l.data)) a full join (select key, value from jsonb_each(r.data)) b using (key) " +
            "      where a.value is distinct from b.value order by key) " +
            $"from \"{live}\".{table} l full join \"{scratch}\".{table} r on r.id = l.id where l.data is distinct from r.data order by 1 limit {DifferencesKept}",
            connection);
        var found = new List<ReplayDifference>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            found.Add(new ReplayDifference(table, reader.GetString(0), reader.GetString(1), reader.GetFieldValue<string[]>(2)));
        return found;
    }

    private static async Task<long> Execute(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellation));
    }
}
