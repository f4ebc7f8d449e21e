using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Negotiations.Operations.Import;

/// <summary>
/// The endpoint's answer to a line: read back from its response when the line ran through the endpoint, or, when a batch
/// decided it in memory, the very value the endpoint answers, written only when the line's result is. Written with the
/// options the endpoint writes with, the value gives the bytes its response would have; the import command never writes
/// the answers of applied lines at all. Write models are immutable, so the value written after the batch's commit is the
/// one the line decided.
/// </summary>
[JsonConverter(typeof(LineAnswerConverter))]
public sealed class LineAnswer
{
    private readonly object? _value;
    private readonly Type? _declared;
    private readonly JsonSerializerOptions? _options;
    private JsonNode? _node;

    private LineAnswer(JsonNode node) => _node = node;

    private LineAnswer(object value, Type declared, JsonSerializerOptions options) => (_value, _declared, _options) = (value, declared, options);

    public static LineAnswer? Read(JsonNode? node) => node is null ? null : new LineAnswer(node);

    public static LineAnswer Deferred(object value, Type declared, JsonSerializerOptions options) => new(value, declared, options);

    /// <summary>The answer as JSON, built the first time it is asked for.</summary>
    public JsonNode Node => _node ??= JsonSerializer.SerializeToNode(_value, _declared!, _options)!;

    public void WriteTo(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        if (_node is not null) _node.WriteTo(writer, options);
        else JsonSerializer.Serialize(writer, _value, _declared!, _options);
    }

    public override string ToString() => Node.ToJsonString();
}

internal sealed class LineAnswerConverter : JsonConverter<LineAnswer>
{
    public override LineAnswer? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        LineAnswer.Read(JsonNode.Parse(ref reader));

    public override void Write(Utf8JsonWriter writer, LineAnswer value, JsonSerializerOptions options) => value.WriteTo(writer, options);
}
