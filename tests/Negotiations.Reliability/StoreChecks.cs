using System.Diagnostics;
using Npgsql;

namespace Negotiations.Reliability;

/// <summary>What the store holds after a crash, a restart or a run, measured against what the clients were told.</summary>
public sealed record StoreFindings(
    int Acknowledged,
    int AcknowledgedMissing,
    long Events,
    long StreamVersionMismatches,
    long VersionHoles,
    long InlineMismatches)
{
    /// <summary>No acknowledged command lost, no stream with a partial batch, inline documents in step with their streams.</summary>
    public bool Clean => AcknowledgedMissing == 0 && StreamVersionMismatches == 0 && VersionHoles == 0 && InlineMismatches == 0;

    public override string ToString() =>
        $"{Acknowledged} acknowledged, {AcknowledgedMissing} missing; {Events} events; mt_streams version != max(version): {StreamVersionMismatches}; " +
        $"streams with version holes: {VersionHoles}; inline documents out of step: {InlineMismatches}";
}

public sealed record TimelineFindings(long Developments, long Entries, long Missing, long Extra, long WrongSequence)
{
    public bool Clean => Missing == 0 && Extra == 0 && WrongSequence == 0;
}

public sealed class StoreChecks(string connectionString, string schema)
{
    public string Schema => schema;

    public async Task<StoreFindings> CheckAsync(Ledger ledger)
    {
        await using var connection = await OpenAsync();
        var stored = new HashSet<(Guid, long)>();
        await using (var command = new NpgsqlCommand($"select stream_id, version from \"{schema}\".mt_events where type <> 'tombstone'", connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) stored.Add((reader.GetGuid(0), reader.GetInt64(1)));
        var acks = ledger.Acks.ToList();
        var missing = acks.Count(a => !stored.Contains((a.Stream, a.Version)));
        foreach (var a in acks.Where(a => !stored.Contains((a.Stream, a.Version))).Take(5))
            Console.WriteLine($"  MISSING acknowledged {a.Command} {a.Stream} version {a.Version}");

        // A command's events, its stream row and its inline documents are written in one transaction: all or none.
        var mismatches = await ScalarAsync(connection,
            $"select count(*) from \"{schema}\".mt_streams s left join (select stream_id, max(version) v from \"{schema}\".mt_events group by stream_id) e " +
            $"on e.stream_id = s.id where s.version is distinct from e.v and {OurStream}");
        var holes = await ScalarAsync(connection,
            $"select count(*) from (select stream_id from \"{schema}\".mt_events where type <> 'tombstone' group by stream_id having count(*) <> max(version) or min(version) <> 1) h");
        var inline = await ScalarAsync(connection,
            $"select (select count(*) from \"{schema}\".mt_streams s left join \"{schema}\".mt_doc_understanding d on d.id = s.id " +
            $"  where s.type like '%understanding%' and (d.data->>'version')::bigint is distinct from s.version) + " +
            $"(select count(*) from \"{schema}\".mt_streams s left join \"{schema}\".mt_doc_statement d on d.id = s.id " +
            $"  where s.type like '%statement%' and (d.data->>'version')::bigint is distinct from s.version)");
        if (mismatches + holes > 0) await DescribeBrokenStreamsAsync(connection);
        return new StoreFindings(acks.Count, missing, stored.Count, mismatches, holes, inline);
    }

    /// <summary>
    /// Marten fills the sequence numbers a failed append drew with tombstone events, in a stream of its own with
    /// no type: its bookkeeping, not a command's batch.
    /// </summary>
    private const string OurStream = "s.type is not null";

    private async Task DescribeBrokenStreamsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            $"select s.id, s.type, s.version, count(e.seq_id), min(e.version), max(e.version), string_agg(e.version || ':' || e.type || '@' || e.seq_id, ' ' order by e.version) " +
            $"from \"{schema}\".mt_streams s left join \"{schema}\".mt_events e on e.stream_id = s.id where {OurStream} group by s.id, s.type, s.version " +
            "having s.version is distinct from max(e.version) or count(e.seq_id) <> max(e.version) or min(e.version) <> 1 limit 5", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            Console.WriteLine($"  BROKEN stream {reader.GetGuid(0)} ({reader.GetValue(1)}): mt_streams version {reader.GetValue(2)}, {reader.GetValue(3)} events, " +
                              $"versions {reader.GetValue(4)}..{reader.GetValue(5)}: {reader.GetValue(6)}");
    }

    /// <summary>The lowest position of the async projections (every progression row but the high-water mark).</summary>
    public async Task<long> ProjectionPositionAsync()
    {
        await using var connection = await OpenAsync();
        return await ScalarAsync(connection,
            $"select coalesce(min(last_seq_id), 0) from \"{schema}\".mt_event_progression where name like '%:%'");
    }

    public async Task<string> ProgressionAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand($"select string_agg(name || ' ' || last_seq_id, ', ' order by name) from \"{schema}\".mt_event_progression", connection);
        return $"{await command.ExecuteScalarAsync()} (last event {await LastSequenceAsync()})";
    }

    public async Task<long> LastSequenceAsync()
    {
        await using var connection = await OpenAsync();
        return await ScalarAsync(connection, $"select coalesce(max(seq_id), 0) from \"{schema}\".mt_events");
    }

    /// <summary>Waits until every async projection has applied the last event in the store; how long that took.</summary>
    public async Task<TimeSpan> WaitCaughtUpAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            try
            {
                var last = await LastSequenceAsync();
                if (await ProjectionPositionAsync() >= last && await ProgressionRowsAsync() >= 2) return clock.Elapsed;
            }
            catch (NpgsqlException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The async projections of {schema} did not catch up within {timeout}");
    }

    private async Task<long> ProgressionRowsAsync()
    {
        await using var connection = await OpenAsync();
        return await ScalarAsync(connection, $"select count(*) from \"{schema}\".mt_event_progression where name like '%:%'");
    }

    /// <summary>Every event of the store is a development, so each must have exactly its own timeline entry (ids are event ids).</summary>
    public async Task<TimelineFindings> TimelineAsync()
    {
        await using var connection = await OpenAsync();
        var developments = await ScalarAsync(connection, $"select count(*) from \"{schema}\".mt_events where type <> 'tombstone'");
        var entries = await ScalarAsync(connection, $"select count(*) from \"{schema}\".mt_doc_timelineentry");
        var missing = await ScalarAsync(connection,
            $"select count(*) from \"{schema}\".mt_events e where type <> 'tombstone' and not exists (select 1 from \"{schema}\".mt_doc_timelineentry t where t.id = e.id)");
        var extra = await ScalarAsync(connection,
            $"select count(*) from \"{schema}\".mt_doc_timelineentry t where not exists (select 1 from \"{schema}\".mt_events e where e.id = t.id)");
        var wrong = await ScalarAsync(connection,
            $"select count(*) from \"{schema}\".mt_doc_timelineentry t join \"{schema}\".mt_events e on e.id = t.id where (t.data->>'sequence')::bigint <> e.seq_id");
        return new TimelineFindings(developments, entries, missing, extra, wrong);
    }

    /// <summary>Connections to the run's database, from pg_stat_activity.</summary>
    public async Task<long> ConnectionsAsync()
    {
        await using var connection = await OpenAsync();
        return await ScalarAsync(connection, $"select count(*) from pg_stat_activity where datname = current_database() and application_name <> 'reliability-checks'");
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
