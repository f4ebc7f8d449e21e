using Negotiations.Tests.Support;
using Npgsql;

namespace Negotiations.Tests.Resilience;

/// <summary>What the event tables hold for some streams, read with plain SQL rather than through Marten.</summary>
public sealed record StoredVersions(HashSet<(Guid Stream, long Version)> Events, int Duplicates, int NonContiguous, int StreamsOffMax)
{
    public static async Task<StoredVersions> ReadAsync(AppFixture app, Guid[] streams)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        var schema = app.Schema;

        var events = new HashSet<(Guid, long)>();
        await using (var read = new NpgsqlCommand($"select stream_id, version from \"{schema}\".mt_events where stream_id = any(@streams)", connection))
        {
            read.Parameters.AddWithValue("streams", streams);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) events.Add((reader.GetGuid(0), reader.GetInt64(1)));
        }

        return new StoredVersions(
            events,
            await CountAsync(connection, $"select count(*) from (select 1 from \"{schema}\".mt_events where stream_id = any(@streams) group by stream_id, version having count(*) > 1) d", streams),
            // Versions 1..n with no hole: n distinct versions whose smallest is 1 and largest is n.
            await CountAsync(connection, $"select count(*) from (select stream_id from \"{schema}\".mt_events where stream_id = any(@streams) group by stream_id having min(version) <> 1 or max(version) <> count(distinct version)) d", streams),
            await CountAsync(connection, $"select count(*) from \"{schema}\".mt_streams s where s.id = any(@streams) and s.version is distinct from (select max(e.version) from \"{schema}\".mt_events e where e.stream_id = s.id)", streams));
    }

    private static async Task<int> CountAsync(NpgsqlConnection connection, string sql, Guid[] streams)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("streams", streams);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
}
