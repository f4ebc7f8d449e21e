using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Negotiations.Audit;

/// <summary>One event as the chain covers it: what identifies it, what it says, and when it was recorded.</summary>
public readonly record struct ChainedEvent(long Sequence, string StreamId, long Version, string Type, string Data, DateTimeOffset Recorded);

/// <summary>
/// The link of an event in the hash chain:
/// SHA-256( previous link (32 bytes) | sequence | stream id | version | event type | canonical data | recorded ),
/// integers as 8-byte big-endian, texts as UTF-8 prefixed by their 4-byte big-endian length, the recorded
/// timestamp as microseconds since 1970-01-01 UTC (PostgreSQL's precision). The first event follows 32 zero bytes.
/// Anyone holding an export of the log can recompute it.
/// </summary>
public static class ChainHash
{
    public const int Size = 32;
    public static readonly byte[] Genesis = new byte[Size];

    public static byte[] Link(ReadOnlySpan<byte> previous, in ChainedEvent e) => new ChainHasher().Link(previous, e);

    public static long Microseconds(DateTimeOffset recorded) => (recorded.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    internal static void WriteInt64(IBufferWriter<byte> buffer, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    internal static void WriteText(IBufferWriter<byte> buffer, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        var span = buffer.GetSpan(4 + length);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        Encoding.UTF8.GetBytes(text, span[4..]);
        buffer.Advance(4 + length);
    }
}

/// <summary>Computes links with buffers reused from one event to the next (not thread-safe: one per chain walk).</summary>
public sealed class ChainHasher
{
    private readonly ArrayBufferWriter<byte> frame = new(4096);
    private readonly ArrayBufferWriter<byte> data = new(4096);

    public byte[] Link(ReadOnlySpan<byte> previous, in ChainedEvent e)
    {
        data.ResetWrittenCount();
        CanonicalJson.Write(e.Data, data);

        frame.ResetWrittenCount();
        frame.Write(previous);
        ChainHash.WriteInt64(frame, e.Sequence);
        ChainHash.WriteText(frame, e.StreamId);
        ChainHash.WriteInt64(frame, e.Version);
        ChainHash.WriteText(frame, e.Type);
        BinaryPrimitives.WriteInt32BigEndian(frame.GetSpan(4), data.WrittenCount);
        frame.Advance(4);
        frame.Write(data.WrittenSpan);
        ChainHash.WriteInt64(frame, ChainHash.Microseconds(e.Recorded));
        return SHA256.HashData(frame.WrittenSpan);
    }
}

/// <summary>
/// The canonical text of event data: object members sorted by name (ordinal, UTF-16 code units, as RFC 8785),
/// no whitespace, numbers exactly as stored, strings escaped minimally. Independent of how PostgreSQL prints jsonb.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public static void Write(string json, IBufferWriter<byte> output)
    {
        using var document = JsonDocument.Parse(json);
        using var writer = new Utf8JsonWriter(output, Options);
        Write(document.RootElement, writer);
        writer.Flush();
    }

    public static string ToText(string json)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(json, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                var members = new List<JsonProperty>();
                foreach (var member in element.EnumerateObject()) members.Add(member);
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                foreach (var member in members)
                {
                    writer.WritePropertyName(member.Name);
                    Write(member.Value, writer);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) Write(item, writer);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(element.GetRawText(), skipInputValidation: true);
                break;
            case JsonValueKind.True: writer.WriteBooleanValue(true); break;
            case JsonValueKind.False: writer.WriteBooleanValue(false); break;
            default: writer.WriteNullValue(); break;
        }
    }
}
