using System.Text.Json;
using System.Text.Json.Nodes;

namespace Negotiations.Kernel;

/// <summary>What a field or parameter of a given type accepts, in the API's words (never a .NET type name).</summary>
public static class Accepted
{
    public static string InJson(Type type, JsonSerializerOptions json) => Describe(type, json, inJson: true, depth: 0);

    public static string InQuery(Type type) => Describe(type, null, inJson: false, depth: 0);

    private static string Describe(Type type, JsonSerializerOptions? json, bool inJson, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var quoted = inJson ? "a JSON string: " : "";
        if (type.IsEnum)
            return $"one of the words {string.Join(", ", Enum.GetNames(type).Select(n => JsonNamingPolicy.KebabCaseLower.ConvertName(n)))}" +
                   (inJson ? " (as a JSON string, not a number)" : "");
        if (type == typeof(string)) return inJson ? "text (a JSON string)" : "text";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return inJson ? "a whole number (a JSON number)" : "a whole number";
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float)) return inJson ? "a number (a JSON number)" : "a number";
        if (type == typeof(Guid)) return $"an id, {quoted}a UUID such as 0199a7c4-1b2e-7c3d-9e4f-5a6b7c8d9e0f";
        if (type == typeof(DateOnly)) return $"a day, {quoted}YYYY-MM-DD";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
            return $"a moment, {quoted}ISO-8601 such as 2025-09-15T12:00:00Z (a bare date is its midnight UTC)";
        if (type == typeof(Occurrence)) return $"a date as written: {Occurrence.Forms}";
        if (type == typeof(JsonElement) || type == typeof(JsonNode) || type == typeof(object)) return "any JSON value";
        if (json is null) return "a value of another kind";
        if (ElementType(type) is { } element)
            return depth > 0 ? "a JSON array" : $"a JSON array, each item {Describe(element, json, inJson, depth + 1)}";
        var fields = json.GetTypeInfo(type).Properties.Select(p => p.Name).ToList();
        return fields.Count == 0 || depth > 0 ? "a JSON object" : $"a JSON object with the fields {string.Join(", ", fields)}";
    }

    /// <summary>The type of a JSON array's items (or of a JSON object's values, for a dictionary); null for anything else.</summary>
    public static Type? ElementType(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        if (enumerable is null) return null;
        var item = enumerable.GetGenericArguments()[0];
        return item.IsGenericType && item.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) ? item.GetGenericArguments()[1] : item;
    }
}
