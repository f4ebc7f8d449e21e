using System.Text.Json;
using System.Text.RegularExpressions;

namespace Negotiations.Validation;

/// <summary>
/// A body the serializer could not read, said as a field problem: the field named as the Validate() methods name
/// fields (the JSON path without its "$.", e.g. "provenance.sources[0].reliability"; "$" for the body as a whole)
/// and what it accepts. The serializer's own message names .NET types, so it is never passed on; a syntax error's
/// reader message speaks only of JSON tokens and is.
/// </summary>
public static partial class JsonReadProblems
{
    public static Problems Unreadable(this Problems problems, JsonException exception, Type root, JsonSerializerOptions json)
    {
        var segments = Segments(exception.Path);
        var field = Field(segments);
        if (exception.InnerException is JsonException syntax)
            return problems.Add(field, $"Not JSON{Where(exception)}: {ReaderMessage(syntax.Message)}");
        return TypeAt(root, segments, json) is { } type
            ? problems.Add(field, $"Expected {Accepted.InJson(type, json)}.")
            : problems.Add(field, "Not a value this field takes.");
    }

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
