using System.Diagnostics;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Negotiations.Benchmarks;

/// <summary>The physical limits of this PostgreSQL on this machine, and the schema the run owns.</summary>
public sealed class Database(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

    public async Task ExecuteAsync(string sql, int timeoutSeconds = 600)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeoutSeconds };
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public Task DropSchemaAsync(string schema) => ExecuteAsync($"drop schema if exists \"{schema}\" cascade");

    /// <summary>ANALYZE every table of the schema, so that the planner knows what bulk loads put there.</summary>
    public Task AnalyzeAsync(string schema) => ExecuteAsync($"""
        do $$ declare t record; begin
          for t in select tablename from pg_tables where schemaname = '{schema}' loop
            execute format('analyze %I.%I', '{schema}', t.tablename);
          end loop;
        end $$;
        """);

    /// <summary>A jsonb document of about the size of one of our events (~300 bytes), different for every row.</summary>
    public static string EventSizedJson(long i) =>
        $$$$"""{"understandingId":"{{{{Guid.NewGuid()}}}}","stage":"framework-partial","provenance":{"sources":[{"name":"Syrian Ministry of Foreign Affairs","kind":"government","citation":"Report {{{{i}}}}","published":"2025-09-15","reliability":"B","credibility":3}],"occurred":{"from":"2025-09-15","precision":"day"}}}""";

    /// <summary>Npgsql binary COPY of event-sized rows into a plain table (no index but the primary key): the write limit.</summary>
    public async Task<double> CopyRowsPerSecondAsync(string schema, int rows)
    {
        await ExecuteAsync($"""
            create table "{schema}".copy_baseline (seq_id bigint primary key, id uuid not null, stream_id uuid not null,
              version bigint not null, type varchar not null, data jsonb not null, timestamp timestamptz not null)
            """);
        var payloads = Enumerable.Range(0, Math.Min(rows, 10_000)).Select(i => EventSizedJson(i)).ToArray();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var clock = Stopwatch.StartNew();
        await using (var writer = await connection.BeginBinaryImportAsync(
                         $"copy \"{schema}\".copy_baseline (seq_id, id, stream_id, version, type, data, timestamp) from stdin (format binary)"))
        {
            var now = DateTimeOffset.UtcNow;
            var stream = Guid.NewGuid();
            for (var i = 0; i < rows; i++)
            {
                if (i % 20 == 0) stream = Guid.NewGuid();
                await writer.StartRowAsync();
                await writer.WriteAsync((long)i + 1, NpgsqlDbType.Bigint);
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await writer.WriteAsync(stream, NpgsqlDbType.Uuid);
                await writer.WriteAsync((long)(i % 20) + 1, NpgsqlDbType.Bigint);
                await writer.WriteAsync("understanding_stage_changed", NpgsqlDbType.Varchar);
                await writer.WriteAsync(payloads[i % payloads.Length], NpgsqlDbType.Jsonb);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
        }
        var seconds = clock.Elapsed.TotalSeconds;
        await ExecuteAsync($"drop table \"{schema}\".copy_baseline");
        return rows / seconds;
    }

    /// <summary>A raw sequential read of the event table in sequence order, every column read, nothing deserialised: the read limit.</summary>
    public async Task<(double RowsPerSecond, long Rows, long Bytes)> RawReadAsync(string schema)
    {
        var best = 0.0;
        long rows = 0, bytes = 0;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            var clock = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand(
                $"select seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, causation_id, headers, user_name, is_archived " +
                $"from \"{schema}\".mt_events order by seq_id", connection) { CommandTimeout = 600 };
            await using var reader = await command.ExecuteReaderAsync();
            rows = 0; bytes = 0;
            while (await reader.ReadAsync())
            {
                rows++;
                bytes += reader.GetString(4).Length;
                _ = reader.GetInt64(0); _ = reader.GetGuid(1); _ = reader.GetGuid(2); _ = reader.GetString(5); _ = reader.GetFieldValue<DateTimeOffset>(6);
            }
            best = Math.Max(best, rows / clock.Elapsed.TotalSeconds);
        }
        return (best, rows, bytes);
    }

    /// <summary>Per table: rows inserted, updated, index scans and sequential scans so far (pg_stat_user_tables).</summary>
    public async Task<Dictionary<string, long[]>> TableStatsAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select relname, n_tup_ins, n_tup_upd, coalesce(idx_scan, 0), seq_scan from pg_stat_user_tables where schemaname = @schema", connection);
        command.Parameters.AddWithValue("schema", schema);
        await using var reader = await command.ExecuteReaderAsync();
        var stats = new Dictionary<string, long[]>();
        while (await reader.ReadAsync())
            stats[reader.GetString(0)] = [reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)];
        return stats;
    }

    /// <summary>
    /// What one command cost each table, on average, between two snapshots: a profile without pg_stat_statements.
    /// Per event appended (each command appends one): a backend reports its statistics a while after its
    /// transactions, but all the tables of a transaction together.
    /// </summary>
    public static string PerCommand(Dictionary<string, long[]> before, Dictionary<string, long[]> after, long? commands)
    {
        commands ??= Math.Max(1, after.GetValueOrDefault("mt_events", new long[4])[0] - before.GetValueOrDefault("mt_events", new long[4])[0]);
        var parts = new List<string>();
        foreach (var (table, a) in after.OrderBy(t => t.Key))
        {
            var b = before.GetValueOrDefault(table, new long[4]);
            var d = a.Zip(b, (x, y) => (x - y) / (double)commands.Value).ToArray();
            if (d.All(x => x < 0.05)) continue;
            var what = new[] { ("ins", d[0]), ("upd", d[1]), ("idx", d[2]), ("seq", d[3]) }.Where(x => x.Item2 >= 0.05)
                .Select(x => $"{x.Item1} {x.Item2:0.#}");
            parts.Add($"{table.Replace("mt_doc_", "doc:")} ({string.Join(", ", what)})");
        }
        return string.Join("; ", parts);
    }

    public async Task<string> ServerVersionAsync() => await ScalarAsync<string>("show server_version");
}
