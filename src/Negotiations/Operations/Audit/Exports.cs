using Negotiations.Kernel;
using System.Data;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Marten;
using Negotiations.Appointments;
using Negotiations.Casualties;
using Negotiations.Commitments;
using Negotiations.Mechanisms;
using Negotiations.Rounds;
using Negotiations.Statements;
using Negotiations.ReadModels.Status;
using Negotiations.Understandings;
using Negotiations.Zones;
using Npgsql;

namespace Negotiations.Operations.Audit;

/// <summary>
/// The event log as JSON Lines and the read models as CSV, written while they are read (a data reader, or
/// Marten's streaming query), so memory stays flat however long the log is.
/// </summary>
public sealed class Exports(EventLog log, IDocumentStore store, TimeProvider clock)
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private static readonly JsonSerializerOptions Json = CreateJson();
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        JsonDialect.Configure(json);
        return json;
    }

    /// <summary>
    /// One line per event in sequence order: sequence, eventId, streamId, version, type, data (as stored),
    /// recorded, recordedBy, correlationId, causationId and the chain link, enough to recompute the chain.
    /// </summary>
    public async Task<long> WriteEventsAsync(Stream output, EventFilter filter, CancellationToken cancellation)
    {
        // The chain's table too: a store whose chain writer never ran (a command-line import) has none yet.
        await log.EnsureAsync(cancellation);
        await using var connection = await log.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand { Connection = connection };
        var where = filter.Where(command);
        command.CommandText =
            "select e.seq_id, e.id, e.stream_id, e.version, e.type, e.data::text, e.timestamp, e.user_name, e.correlation_id, e.causation_id, c.link " +
            $"from {log.Events} e left join {log.Chain} c on c.seq_id = e.seq_id{where} order by e.seq_id";
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellation);
        var buffer = new MemoryStream(64 * 1024);
        await using var json = new Utf8JsonWriter(buffer, Writer);
        long lines = 0;
        while (await reader.ReadAsync(cancellation))
        {
            json.Reset(buffer);
            json.WriteStartObject();
            json.WriteNumber("sequence", reader.GetInt64(0));
            json.WriteString("eventId", reader.GetGuid(1));
            json.WriteString("streamId", reader.GetGuid(2));
            json.WriteNumber("version", reader.GetInt64(3));
            json.WriteString("type", reader.GetString(4));
            json.WritePropertyName("data");
            json.WriteRawValue(reader.GetString(5), skipInputValidation: true);
            json.WriteString("recorded", reader.GetFieldValue<DateTimeOffset>(6).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            WriteText(json, "recordedBy", reader, 7);
            WriteText(json, "correlationId", reader, 8);
            WriteText(json, "causationId", reader, 9);
            if (reader.IsDBNull(10)) json.WriteNull("link");
            else json.WriteString("link", ChainHash.Hex(reader.GetFieldValue<byte[]>(10)));
            json.WriteEndObject();
            await json.FlushAsync(cancellation);
            buffer.Write(NewLine);
            lines++;
            if (buffer.Length >= 48 * 1024) await Drain(buffer, output, cancellation);
        }
        await Drain(buffer, output, cancellation);
        return lines;
    }

    private static void WriteText(Utf8JsonWriter json, string name, NpgsqlDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal)) json.WriteNull(name);
        else json.WriteString(name, reader.GetString(ordinal));
    }

    private static async Task Drain(MemoryStream buffer, Stream output, CancellationToken cancellation)
    {
        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellation);
        await output.FlushAsync(cancellation);
        buffer.SetLength(0);
    }

    /// <summary>The read models that export as CSV, by the name used in the route and on the command line.</summary>
    public static readonly IReadOnlyList<string> ReadModels =
        ["statuses", "understandings", "rounds", "zones", "mechanisms", "offices", "commitments", "casualty-claims", "statements"];

    /// <summary>A read model as CSV, one row per document; nested values as compact JSON in their cell.</summary>
    public async Task<long> WriteCsvAsync(string readModel, Stream output, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await WriteCsvAsync(readModel, session, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), output, cancellation);
    }

    /// <summary>A read model as CSV from a session on any store (a release's is rebuilt apart), with the statuses as of <paramref name="today"/>.</summary>
    public static async Task<long> WriteCsvAsync(string readModel, IQuerySession session, DateOnly today, Stream output, CancellationToken cancellation)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        var rows = readModel switch
        {
            "statuses" => Rows(Statuses(session, today, cancellation), writer, cancellation),
            "understandings" => Rows(session.Query<UnderstandingDetails>().OrderBy(d => d.Id).ToAsyncEnumerable(cancellation), writer, cancellation),
            "rounds" => Rows(session.Query<RoundDetails>().OrderBy(d => d.Id).ToAsyncEnumerable(cancellation), writer, cancellation),
            "zones" => Rows(session.Query<ZoneDetails>().OrderBy(d => d.Id).ToAsyncEnumerable(cancellation), writer, cancellation),
            "mechanisms" => Rows(session.Query<MechanismDetails>().OrderBy(d => d.Id).ToAsyncEnumerable(cancellation), writer, cancellation),
            "offices" => Rows(session.Query<OfficeDetails>().OrderBy(d => d.Id).ToAsyncEnumerable(cancellation), writer, cancellation),
            "commitments" => Rows(session.Query<CommitmentDetails>().OrderBy(d => d.Id).ToAsyncEnumerable(cancellation), writer, cancellation),
            "casualty-claims" => Rows(session.Query<CasualtyClaimDetails>().OrderBy(d => d.Id).ToAsyncEnumerable(cancellation), writer, cancellation),
            "statements" => Rows(session.Query<Statement>().OrderBy(d => d.Id).ToAsyncEnumerable(cancellation), writer, cancellation),
            _ => throw new ArgumentOutOfRangeException(nameof(readModel), readModel, "Not a read model that exports.")
        };
        var count = await rows;
        await writer.FlushAsync(cancellation);
        return count;
    }

    /// <summary>What the dashboard shows of each understanding, one line each, as of today.</summary>
    public sealed record StatusRow(Guid Id, string Title, UnderstandingKind Kind, PaxStage Stage, Lifecycle Status, bool Retracted, long Version,
        string Parties, DateOnly? LastRound, string? LastRoundVenue, DateOnly? NextRound, string? NextRoundVenue, int Rounds, int Zones,
        int Commitments, decimal? ImplementationPercent, int OverdueCommitments, int Mechanisms, string OfficeHolders, int CasualtyClaims,
        int Statements, long Sequence);

    private static async IAsyncEnumerable<StatusRow> Statuses(IQuerySession session, DateOnly today, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        await foreach (var status in session.Query<UnderstandingStatus>().OrderBy(s => s.Id).ToAsyncEnumerable(cancellation))
        {
            if (StatusView.From(status, today) is not { } v) continue;
            yield return new StatusRow(v.Id, v.Title, v.Kind, v.Stage, v.Status, v.Retracted, v.Version,
                string.Join("; ", v.Parties.Select(p => $"{p.Name} ({JsonSerializer.Serialize(p.Role, Json).Trim('"')})")),
                v.LastRound?.Outcome?.HeldOn.From ?? v.LastRound?.PlannedFor?.From, v.LastRound?.Venue,
                v.NextRound?.PlannedFor?.From, v.NextRound?.Venue, v.Rounds.Count, v.Zones.Count,
                v.Roadmap.Commitments.Count, v.Roadmap.ImplementationPercent, v.Overdue.Count, v.Mechanisms.Count,
                string.Join("; ", v.OfficeHolders.Select(h => $"{h.Person}: {h.Office}, {h.Jurisdiction}")), v.CasualtyClaims.Count,
                v.Statements.Count, v.Sequence);
        }
    }

    private static async Task<long> Rows<T>(IAsyncEnumerable<T> documents, StreamWriter writer, CancellationToken cancellation)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
        await writer.WriteLineAsync(string.Join(",", properties.Select(p => Cell(JsonNamingPolicy.CamelCase.ConvertName(p.Name)))));
        long count = 0;
        await foreach (var document in documents.WithCancellation(cancellation))
        {
            await writer.WriteLineAsync(string.Join(",", properties.Select(p => Cell(Text(p.GetValue(document))))));
            if (++count % 1000 == 0) await writer.FlushAsync(cancellation);
        }
        return count;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        IFormattable f when value is not Enum => f.ToString(null, CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(value, value.GetType(), Json) is var json && json.StartsWith('"') ? JsonSerializer.Deserialize<string>(json)! : JsonSerializer.Serialize(value, value.GetType(), Json)
    };

    /// <summary>RFC 4180: quoted when it holds a comma, a quote or a line break; a leading =+-@ is quoted too, against spreadsheet formulas.</summary>
    private static string Cell(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (text.Length > 0 && "=+-@".Contains(text[0]))
            ? "\"" + text.Replace("\"", "\"\"") + "\""
            : text;
}
