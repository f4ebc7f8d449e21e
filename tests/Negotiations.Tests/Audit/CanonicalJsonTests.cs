using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Negotiations.Operations.Audit;

namespace Negotiations.Tests.Audit;

/// <summary>The canonicaliser that works on UTF-8 bytes writes exactly what the definition (parse, sort, re-serialise) writes.</summary>
public class CanonicalJsonTests
{
    public static TheoryData<string> Samples => new()
    {
        """{"title": "Zone", "kind": "demilitarised-zone", "parties": [{"role": "party", "name": "Syria"}], "depthKm": 10.50}""",
        """{ "b":"é\"x" ,"a":[ 1, 2 ],"B":null }""",
        """{"z": {"y": {"x": [[], {}, [{"b": 1, "a": 2}]]}}, "a": true, "m": false, "n": -0, "e": 1E+5, "f": 1.0e-7}""",
        """{"text": "tab\t nl\n quote\" slash\\ solidus\/ bell\u0007 unicode \u00e9 emoji 😀 \ud83d\ude00 lt< gt> amp& apos' plus+"}""",
        """{"\u0062": "escaped name sorts by its value", "a": 1, "c": 2}""",
        """{"é": 1, "e": 2, "\uffff": 3, "😀": 4, "\ue000": 5, "z": 6, "ab": 7, "a": 8, "": 9}""",
        """{"noncharacter": "\ufdd0 \ufffe", "unassigned": "\u0378", "nbsp": "\u00a0", "line separator": "\u2028"}""",
        """[1, "two", {"b": [3], "a": {"d": 4, "c": 5}}, null]""",
        "\"just a string\"",
        "42",
        """{"empty": {}, "list": []}""",
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Writes_what_the_definition_writes(string json)
    {
        var canonical = new CanonicalJson();
        var output = new ArrayBufferWriter<byte>();
        canonical.Write(Encoding.UTF8.GetBytes(json), output);
        Encoding.UTF8.GetString(output.WrittenSpan).ShouldBe(Definition(json));

        // and again with the same buffers, after a larger document
        output.ResetWrittenCount();
        canonical.Write(Encoding.UTF8.GetBytes($"{{\"padding\": \"{new string('p', 10_000)}\", \"a\": {{\"c\": 1, \"b\": 2}}}}"), output);
        output.ResetWrittenCount();
        canonical.Write(Encoding.UTF8.GetBytes(json), output);
        Encoding.UTF8.GetString(output.WrittenSpan).ShouldBe(Definition(json));
    }

    [Fact]
    public void Large_objects_and_deep_nesting_grow_the_buffers()
    {
        var members = string.Join(", ", Enumerable.Range(0, 500).Select(i => $"\"k{(i * 7919) % 500:000}\": [{i}, {{\"v\": \"{new string('x', i)}\"}}]"));
        var json = $"{{{members}, \"deep\": {new string('[', 60)}1{new string(']', 60)}}}";
        CanonicalJson.ToText(json).ShouldBe(Definition(json));
    }

    /// <summary>The definition as first written: parse, sort members ordinally, write without whitespace.</summary>
    private static string Definition(string json)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Definition(json, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    internal static void Definition(string json, IBufferWriter<byte> output)
    {
        using var document = JsonDocument.Parse(json);
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        Write(document.RootElement, writer);
    }

    private static void Write(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in element.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
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
            case JsonValueKind.String: writer.WriteStringValue(element.GetString()); break;
            case JsonValueKind.Number: writer.WriteRawValue(element.GetRawText(), skipInputValidation: true); break;
            case JsonValueKind.True: writer.WriteBooleanValue(true); break;
            case JsonValueKind.False: writer.WriteBooleanValue(false); break;
            default: writer.WriteNullValue(); break;
        }
    }
}
