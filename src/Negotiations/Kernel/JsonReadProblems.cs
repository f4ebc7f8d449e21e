using System.Text.Json;
using System.Text.RegularExpressions;

namespace Negotiations.Kernel;

/// <summary>
/// A body the serializer could not read, said as a field problem: the field named as the Validate() methods name
/// fields (the JSON path without its "$.", e.g. "provenance.sources[0].reliability"; "$" for the body as a whole)
/// and what it accepts. The serializer's own message names .NET types, so it is never passed on; a syntax error's
/// reader message speaks only of JSON tokens and is. JSON nested deeper than the reader reads is well formed, so it is
/// said as such (<see cref="NestsTooDeeply"/>), not as "Not JSON".
/// </summary>
public static partial class JsonReadProblems
{
    /// <summary>The depth System.Text.Json reads when its options leave MaxDepth at 0.</summary>
    public const int DefaultMaxDepth = 64;

    /// <param name="body">The JSON the exception was thrown reading, from its start.</param>
    public static Problems Unreadable(this Problems problems, JsonException exception, ReadOnlySpan<byte> body, Type root, JsonSerializerOptions json)
    {
        var segments = Segments(exception.Path);
        var field = Field(segments);
        if (exception.InnerException is JsonException syntax)
        {
            var reading = ReaderOptions(json);
            return NestsTooDeeply(body, reading)
                ? problems.Add(field, $"Nested too deeply{Where(exception)}: {DepthRule(reading.MaxDepth)}.")
                : problems.Add(field, $"Not JSON{Where(exception)}: {ReaderMessage(syntax.Message)}");
        }
        if (exception.Data[ReasonKey] is string reason) return problems.Add(field, reason);
        var type = TypeAt(root, segments, json);
        if (exception.Data[MemberKey] is string member)
            (field, type) = (field.Length == 0 ? member : $"{field}.{member}", exception.Data[MemberTypeKey] as Type);
        return type is not null
            ? problems.Add(field, $"Expected {Accepted.InJson(type, json)}.")
            : problems.Add(field, "Not a value this field takes.");
    }

    private const string MemberKey = "Negotiations.Member", MemberTypeKey = "Negotiations.MemberType", ReasonKey = "Negotiations.Reason";

    /// <summary>Thrown by a converter that read its value and refuses it: the 400 names the field with this reason.</summary>
    public static JsonException Refused(string reason) => new(reason) { Data = { [ReasonKey] = reason } };

    /// <summary>
    /// Thrown by a converter of an object that reads its members itself: the serializer's path ends at the object, and
    /// this names the member inside it that could not be read, and its type, for the 400.
    /// </summary>
    public static JsonException Member(string name, Type type) =>
        new($"The member '{name}' cannot be read.") { Data = { [MemberKey] = name, [MemberTypeKey] = type } };

    /// <summary>How deep the JSON may nest, in the words every too-deep body and import line is answered with.</summary>
    public static string DepthRule(int maxDepth) => $"at most {Depth(maxDepth)} objects and arrays may sit one inside another";

    /// <summary>What the serializer reads with these options: the same syntax, to the same depth.</summary>
    public static JsonReaderOptions ReaderOptions(JsonSerializerOptions json) => new()
    {
        MaxDepth = Depth(json.MaxDepth), CommentHandling = json.ReadCommentHandling, AllowTrailingCommas = json.AllowTrailingCommas
    };

    /// <summary>What <see cref="JsonDocument"/> reads with these options: the same syntax, to the same depth.</summary>
    public static JsonReaderOptions ReaderOptions(JsonDocumentOptions document) => new()
    {
        MaxDepth = Depth(document.MaxDepth), CommentHandling = document.CommentHandling, AllowTrailingCommas = document.AllowTrailingCommas
    };

    /// <summary>
    /// Whether the JSON, read from its start as the options read it, opens more objects and arrays one inside another
    /// than their MaxDepth before it ends or stops being JSON: the reader's depth error told apart from a syntax error
    /// without depending on its wording. The reader keeps its depth in a bit stack, so no depth of nesting recurses.
    /// </summary>
    public static bool NestsTooDeeply(ReadOnlySpan<byte> json, JsonReaderOptions options)
    {
        var limit = Depth(options.MaxDepth);
        if (json.StartsWith("\uFEFF"u8)) json = json[3..]; // the serializer skips a byte order mark before it reads a stream
        var reader = new Utf8JsonReader(json, options with { MaxDepth = limit == int.MaxValue ? limit : limit + 1 });
        var depth = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && ++depth > limit) return true;
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) depth--;
            }
        }
        catch (JsonException)
        {
            // Not JSON before it nested too deeply.
        }
        return false;
    }

    private static int Depth(int maxDepth) => maxDepth > 0 ? maxDepth : DefaultMaxDepth;

    private static string Where(JsonException e) =>
        e.LineNumber is { } line && e.BytePositionInLine is { } position ? $" at line {line + 1}, byte {position + 1}" : "";

    /// <summary>"'}' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 10." without its position (said apart).</summary>
    private static string ReaderMessage(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut < 0 ? message : message[..cut]).Trim();
        cut = text.IndexOf(" Path:", StringComparison.Ordinal);
        return cut < 0 ? text : text[..cut].Trim();
    }

    private static IReadOnlyList<(string? Name, int? Index)> Segments(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return [];
        return Segment().Matches(path).Select(m =>
            m.Groups["index"].Success ? ((string?)null, (int?)int.Parse(m.Groups["index"].Value))
            : (m.Groups["quoted"].Success ? m.Groups["quoted"].Value.Replace("''", "'") : m.Groups["name"].Value, (int?)null)).ToList();
    }

    private static string Field(IReadOnlyList<(string? Name, int? Index)> segments)
    {
        if (segments.Count == 0) return "";
        var text = new System.Text.StringBuilder();
        foreach (var (name, index) in segments)
        {
            if (index is { } i) text.Append('[').Append(i).Append(']');
            else text.Append(text.Length == 0 ? "" : ".").Append(name);
        }
        return text.ToString();
    }

    /// <summary>The type the serializer was reading at the path, from the same metadata it reads with.</summary>
    private static Type? TypeAt(Type root, IReadOnlyList<(string? Name, int? Index)> segments, JsonSerializerOptions json)
    {
        Type? type = root;
        foreach (var (name, index) in segments)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (index is not null || IsDictionary(type)) type = Accepted.ElementType(type);
            else type = json.GetTypeInfo(type).Properties.FirstOrDefault(p => p.Name == name)?.PropertyType;
            if (type is null) return null;
        }
        return type;
    }

    private static bool IsDictionary(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex Segment();
}
