using Negotiations.Operations.Settings;
using Marten;
using Marten.Events;
using Negotiations.ReadModels.Places;
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
/// Rebuilds every projection, inline and asynchronous, from the events alone (a <see cref="ScratchStore"/>) and
/// compares the result with the live documents as jsonb, field by field, and the places' tables column by column.
/// Nothing live is touched.
/// </summary>
public sealed class Replay(IDocumentStore store, IConfiguration configuration, ScratchStoreOptions scratchOptions)
{
    public const int DifferencesKept = 200;

    /// <summary>What a replay reports progress in: the copy of the log, each projection's rebuild, the comparison.</summary>
    public long Steps => ScratchStore.ProjectionNames(store).Count + 2;

    public async Task<ReplayReport> RunAsync(TextWriter progress, CancellationToken cancellation, Action<long>? report = null)
    {
        long step = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var live = store.Options.Events.DatabaseSchemaName;
        await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(5));

        await using var scratch = await ScratchStore.BuildAsync(store, DatabaseLocation.ConnectionString(configuration), scratchOptions, null,
            "replay", progress, () => report?.Invoke(++step), cancellation);
        var connection = scratch.Connection;
        var tables = new List<ReplayTable>();
        var differences = new List<ReplayDifference>();
        var liveTables = await DocumentTables(connection, live, cancellation);
        foreach (var table in await DocumentTables(connection, scratch.Schema, cancellation))
        {
            // Marten creates a document table when it first stores one: none live means no documents live.
            if (!liveTables.Contains(table))
            {
                var only = await OnlyRebuilt(connection, scratch.Schema, table, cancellation);
                tables.Add(new ReplayTable(table, 0, only.Count, only.Count));
                differences.AddRange(only.Take(Math.Max(0, DifferencesKept - differences.Count)));
                continue;
            }
            var liveCount = await Execute(connection, $"select count(*) from \"{live}\".{table}", cancellation);
            var rebuiltCount = await Execute(connection, $"select count(*) from \"{scratch.Schema}\".{table}", cancellation);
            var found = await Compare(connection, live, scratch.Schema, table, cancellation);
            tables.Add(new ReplayTable(table, liveCount, rebuiltCount, found.Count));
            differences.AddRange(found.Take(Math.Max(0, DifferencesKept - differences.Count)));
        }
        // The places' tables, filled by projections with SQL of their own, compared row by row with every column.
        foreach (var (table, key) in PlacesStorage.ProjectedTables)
        {
            if (await Execute(connection, $"select count(*) from information_schema.tables where table_schema = '{live}' and table_name = '{table}'", cancellation) == 0)
                continue; // a store that never had a place: nothing to compare

            var liveCount = await Execute(connection, $"select count(*) from \"{live}\".{table}", cancellation);
            var rebuiltCount = await Execute(connection, $"select count(*) from \"{scratch.Schema}\".{table}", cancellation);
            var found = await Compare(connection, live, scratch.Schema, table, cancellation, key, "to_jsonb(t)");
            tables.Add(new ReplayTable(table, liveCount, rebuiltCount, found.Count));
            differences.AddRange(found.Take(Math.Max(0, DifferencesKept - differences.Count)));
        }
        report?.Invoke(++step);
        return new ReplayReport(scratch.Projections, tables, differences, scratch.Events, watch.Elapsed.TotalSeconds);
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

    /// <summary>
    /// The rows of a table that differ between the live schema and the rebuilt one, field by field: a document table's
    /// rows by id and their data, another projected table's by its key and all its columns.
    /// </summary>
    private static async Task<List<ReplayDifference>> Compare(NpgsqlConnection connection, string live, string scratch, string table, CancellationToken cancellation,
        string key = "id", string? row = null)
    {
        var rows = row ?? "t.data";
        await using var command = new NpgsqlCommand(
            $"select coalesce(l.k, r.k), case when l.k is null then 'only-rebuilt' when r.k is null then 'only-live' else 'different' end, " +
            "array(select key from (select key, value from jsonb_each(l.j)) a full join (select key, value from jsonb_each(r.j)) b using (key) " +
            "      where a.value is distinct from b.value order by key) " +
            $"from (select t.{key}::text k, {rows} j from \"{live}\".{table} t) l full join (select t.{key}::text k, {rows} j from \"{scratch}\".{table} t) r on r.k = l.k " +
            $"where l.j is distinct from r.j order by 1 limit {DifferencesKept}",
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
