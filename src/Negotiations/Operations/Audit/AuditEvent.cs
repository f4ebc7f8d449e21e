using Negotiations.Kernel;
using System.Data;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Npgsql;

namespace Negotiations.Operations.Audit;

/// <summary>A correction or retraction, seen from either side: the event it takes back, or the event that takes it back.</summary>
/// <param name="Kind">retraction or correction.</param>
public sealed record CorrectionLink(string Kind, Guid EventId, long? Sequence, string? Type, string? Reason = null, long? ReplacementSequence = null);

/// <summary>
/// One event as an auditor reads it: what it is (type, data), where it sits (stream, version, global sequence),
/// when it happened (occurred, from its provenance) and when and by whom it was recorded (Marten's metadata),
/// its sources, the request that caused it (correlation/causation ids), its link in the hash chain, and the
/// corrections on either side.
/// </summary>
public sealed record AuditEvent(
    long Sequence,
    Guid EventId,
    Guid StreamId,
    string Concept,
    long Version,
    string Type,
    JsonElement Data,
    Occurrence? Occurred,
    DateTimeOffset Recorded,
    string? RecordedBy,
    IReadOnlyList<Source> Sources,
    string? CorrelationId,
    string? CausationId,
    string? Link,
    CorrectionLink? Corrects,
    IReadOnlyList<CorrectionLink> CorrectedBy);

public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, long? NextFromSequence);

/// <summary>Reads events for auditors straight from mt_events (and the chain), by sequence.</summary>
public sealed class AuditHistory(EventLog log)
{
    public const string Retracted = "development_retracted";
    public const string Corrected = "development_corrected";
    private static readonly JsonSerializerOptions Json = JsonDialect.Web;

    public async Task<bool> StreamExistsAsync(Guid streamId, CancellationToken cancellation)
    {
        await using var connection = await log.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand($"select exists (select 1 from \"{log.Schema}\".mt_streams where id = $1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        return (bool)(await command.ExecuteScalarAsync(cancellation))!;
    }

    public async Task<AuditPage> PageAsync(EventFilter filter, int pageSize, CancellationToken cancellation)
    {
        await using var connection = await log.OpenAsync(cancellation);
        var rows = new List<Row>(pageSize + 1);
        await foreach (var row in ReadAsync(connection, filter, pageSize + 1, cancellation)) rows.Add(row);
        long? next = rows.Count > pageSize ? rows[pageSize].Sequence : null;
        if (rows.Count > pageSize) rows.RemoveAt(pageSize);

        // Corrections on either side: what the correction events of the page take back, and what takes back the page's events.
        var targets = rows.Select(r => r.CorrectedEventId).OfType<Guid>().ToArray();
        var ids = rows.Select(r => r.EventId).ToArray();
        var known = new Dictionary<Guid, (long Sequence, string Type, Guid Stream)>();
        var correctedBy = new Dictionary<Guid, List<CorrectionLink>>();
        await using (var command = new NpgsqlCommand(
            $"select seq_id, id, type, stream_id from {log.Events} where id = any($1)", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = targets });
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation)) known[reader.GetGuid(1)] = (reader.GetInt64(0), reader.GetString(2), reader.GetGuid(3));
        }
        await using (var command = new NpgsqlCommand(
            $"select e.seq_id, e.id, e.type, coalesce(e.data->>'retractedEventId', e.data->>'correctedEventId')::uuid, e.data->>'reason', " +
            $"(select min(n.seq_id) from {log.Events} n where n.stream_id = e.stream_id and n.version = e.version + 1) " +
            $"from {log.Events} e where e.type in ('{Retracted}', '{Corrected}') " +
            "and coalesce(e.data->>'retractedEventId', e.data->>'correctedEventId')::uuid = any($1) order by e.seq_id", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = ids });
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation))
            {
                var kind = reader.GetString(2) == Retracted ? "retraction" : "correction";
                var target = reader.GetGuid(3);
                if (!correctedBy.TryGetValue(target, out var list)) correctedBy[target] = list = [];
                list.Add(new CorrectionLink(kind, reader.GetGuid(1), reader.GetInt64(0), reader.GetString(2),
                    reader.IsDBNull(4) ? null : reader.GetString(4), kind == "correction" && !reader.IsDBNull(5) ? reader.GetInt64(5) : null));
            }
        }

        var events = rows.Select(r =>
        {
            CorrectionLink? corrects = null;
            if (r.CorrectedEventId is { } target)
            {
                var kind = r.Type == Retracted ? "retraction" : "correction";
                known.TryGetValue(target, out var t);
                corrects = new CorrectionLink(kind, target, t.Type is null ? null : t.Sequence, t.Type, r.Reason,
                    kind == "correction" ? rows.FirstOrDefault(n => n.StreamId == r.StreamId && n.Version == r.Version + 1)?.Sequence : null);
            }
            return r.ToAuditEvent(corrects, correctedBy.GetValueOrDefault(r.EventId) ?? []);
        }).ToList();
        return new AuditPage(events, next);
    }

    internal sealed record Row(long Sequence, Guid EventId, Guid StreamId, long Version, string Type, string Data, DateTimeOffset Recorded,
        string? RecordedBy, string? CorrelationId, string? CausationId, string? DotnetType, byte[]? Link)
    {
        private JsonElement? parsed;
        public JsonElement Parsed => parsed ??= JsonDocument.Parse(Data).RootElement.Clone();

        public Guid? CorrectedEventId =>
            Type is Retracted or Corrected && (Parsed.TryGetProperty("retractedEventId", out var id) || Parsed.TryGetProperty("correctedEventId", out id))
                ? id.GetGuid() : null;

        public string? Reason => Parsed.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null;

        public string Concept => DotnetType?.Split(',')[0].Split('.') is { Length: > 1 } parts ? parts[^2] : "Unknown";

        public AuditEvent ToAuditEvent(CorrectionLink? corrects, IReadOnlyList<CorrectionLink> correctedBy)
        {
            Provenance? provenance = null;
            if (Parsed.ValueKind == JsonValueKind.Object && Parsed.TryGetProperty("provenance", out var p))
                try { provenance = p.Deserialize<Provenance>(Json); } catch (JsonException) { }
            return new AuditEvent(Sequence, EventId, StreamId, Concept, Version, Type, Parsed, provenance?.Occurred, Recorded, RecordedBy,
                provenance?.Sources ?? [], CorrelationId, CausationId, Link is null ? null : ChainHash.Hex(Link), corrects, correctedBy);
        }
    }

    internal async IAsyncEnumerable<Row> ReadAsync(NpgsqlConnection connection, EventFilter filter, long? limit,
        [EnumeratorCancellation] CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand { Connection = connection };
        var where = filter.Where(command);
        command.CommandText =
            "select e.seq_id, e.id, e.stream_id, e.version, e.type, e.data::text, e.timestamp, e.user_name, e.correlation_id, e.causation_id, e.mt_dotnet_type, c.link " +
            $"from {log.Events} e left join {log.Chain} c on c.seq_id = e.seq_id{where} order by e.seq_id" + (limit is null ? "" : $" limit {limit.Value}");
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellation);
        while (await reader.ReadAsync(cancellation))
            yield return new Row(reader.GetInt64(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetInt64(3), reader.GetString(4), reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6), Text(reader, 7), Text(reader, 8), Text(reader, 9), Text(reader, 10),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<byte[]>(11));
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
