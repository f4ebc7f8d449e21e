using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Negotiations.Operations.Audit;

/// <summary>
/// The canonical text of event data: object members sorted by name (ordinal, UTF-16 code units, as RFC 8785),
/// no whitespace, numbers exactly as stored, strings escaped minimally. Independent of how PostgreSQL prints jsonb.
/// Works on UTF-8 with buffers reused from one event to the next: it tokenises once, then writes each object's
/// members in sorted order (not thread-safe: one per chain walk).
/// </summary>
public sealed class CanonicalJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>A token of the source; Next is the index of the token after this value (after the end of a container).</summary>
    private struct Token
    {
        public JsonTokenType Type;
        public int Start;
        public int Length;
        public bool Escaped;
        public int Next;
    }

    private byte[] source = new byte[4096];
    private Token[] tokens = new Token[128];
    private int[] open = new int[16];
    private int[] members = new int[64];
    private int membersUsed;
    private byte[] unescaped = new byte[256];
    private readonly Utf8JsonWriter writer = new(new ArrayBufferWriter<byte>(1), Options);
    private readonly Comparison<int> byName;

    public CanonicalJson() => byName = CompareNames;

    public static string ToText(string json)
    {
        var buffer = new ArrayBufferWriter<byte>();
        new CanonicalJson().Write(Encoding.UTF8.GetBytes(json), buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public void Write(ReadOnlySpan<byte> json, IBufferWriter<byte> output)
    {
        if (source.Length < json.Length) source = new byte[Math.Max(json.Length, source.Length * 2)];
        json.CopyTo(source);
        var count = Tokenise(json.Length);
        if (count == 0) throw new JsonException("Event data holds no JSON value.");
        writer.Reset(output);
        membersUsed = 0;
        Emit(0);
        writer.Flush();
    }

    private int Tokenise(int length)
    {
        var reader = new Utf8JsonReader(source.AsSpan(0, length));
        int count = 0, depth = 0;
        while (reader.Read())
        {
            if (count == tokens.Length) Array.Resize(ref tokens, tokens.Length * 2);
            ref var token = ref tokens[count];
            token = new Token { Type = reader.TokenType, Next = count + 1 };
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (depth == open.Length) Array.Resize(ref open, open.Length * 2);
                    open[depth++] = count;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    tokens[open[--depth]].Next = count + 1;
                    break;
                case JsonTokenType.PropertyName or JsonTokenType.String:
                    token.Start = (int)reader.TokenStartIndex + 1; // after the opening quote
                    token.Length = reader.ValueSpan.Length;
                    token.Escaped = reader.ValueIsEscaped;
                    break;
                case JsonTokenType.Number:
                    token.Start = (int)reader.TokenStartIndex;
                    token.Length = reader.ValueSpan.Length;
                    break;
            }
            count++;
        }
        return count;
    }

    private void Emit(int index)
    {
        switch (tokens[index].Type)
        {
            case JsonTokenType.StartObject:
                writer.WriteStartObject();
                var first = membersUsed;
                for (var name = index + 1; tokens[name].Type != JsonTokenType.EndObject; name = tokens[name + 1].Next)
                {
                    if (membersUsed == members.Length) Array.Resize(ref members, members.Length * 2);
                    members[membersUsed++] = name;
                }
                var count = membersUsed - first;
                members.AsSpan(first, count).Sort(byName);
                for (var m = 0; m < count; m++)
                {
                    var name = members[first + m];
                    writer.WritePropertyName(Unescaped(name));
                    Emit(name + 1);
                }
                membersUsed = first;
                writer.WriteEndObject();
                break;
            case JsonTokenType.StartArray:
                writer.WriteStartArray();
                for (var item = index + 1; tokens[item].Type != JsonTokenType.EndArray; item = tokens[item].Next) Emit(item);
                writer.WriteEndArray();
                break;
            case JsonTokenType.String:
                writer.WriteStringValue(Unescaped(index));
                break;
            case JsonTokenType.Number:
                writer.WriteRawValue(source.AsSpan(tokens[index].Start, tokens[index].Length), skipInputValidation: true);
                break;
            case JsonTokenType.True: writer.WriteBooleanValue(true); break;
            case JsonTokenType.False: writer.WriteBooleanValue(false); break;
            default: writer.WriteNullValue(); break;
        }
    }

    /// <summary>A string's or name's UTF-8 bytes without JSON escapes (valid until the next call).</summary>
    private ReadOnlySpan<byte> Unescaped(int index)
    {
        var token = tokens[index];
        if (!token.Escaped) return source.AsSpan(token.Start, token.Length);
        if (unescaped.Length < token.Length) unescaped = new byte[token.Length * 2];
        var reader = new Utf8JsonReader(source.AsSpan(token.Start - 1, token.Length + 2)); // with its quotes: a JSON string
        reader.Read();
        return unescaped.AsSpan(0, reader.CopyString(unescaped));
    }

    private string Name(int index)
    {
        var token = tokens[index];
        var reader = new Utf8JsonReader(source.AsSpan(token.Start - 1, token.Length + 2));
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>
    /// Ordinal by UTF-16 code units. UTF-8 byte order is code point order, which differs from it only between two
    /// non-ASCII characters (supplementary ones against U+E000-U+FFFF): those, and escaped names, are compared as strings.
    /// </summary>
    private int CompareNames(int a, int b)
    {
        var x = tokens[a];
        var y = tokens[b];
        if (x.Escaped || y.Escaped) return string.CompareOrdinal(Name(a), Name(b));
        var left = source.AsSpan(x.Start, x.Length);
        var right = source.AsSpan(y.Start, y.Length);
        var common = left.CommonPrefixLength(right);
        if (common == left.Length || common == right.Length) return left.Length - right.Length;
        if (left[common] >= 0x80 && right[common] >= 0x80) return string.CompareOrdinal(Name(a), Name(b));
        return left[common] - right[common];
    }
}
