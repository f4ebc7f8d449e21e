using System.Text.Json;
using System.Text.Json.Serialization;

namespace Negotiations.Kernel;

/// <summary>
/// Reads an occurrence as people write dates (a JSON string: "2025-09-14", "2025-09", "2025", "2025-07/2025-09") or as
/// the object {from, precision, to}; always writes the object, so stored events and answers keep one shape. A member of
/// the object it cannot read is named on the exception (<see cref="JsonReadProblems.Member"/>), so the 400 names it.
/// </summary>
public sealed class OccurrenceJson : JsonConverter<Occurrence>
{
    private sealed record Written(DateOnly From, DatePrecision Precision = DatePrecision.Day, DateOnly? To = null);

    public override Occurrence? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return Occurrence.Written(reader.GetString()!) ?? throw new JsonException($"Not a date as written: expected {Occurrence.Forms}.");
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"Expected {Occurrence.Forms}.");

        var (from, precision, to) = ((DateOnly?)null, DatePrecision.Day, (DateOnly?)null);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (Is(name, nameof(Written.From), options)) from = Day(ref reader, name);
            else if (Is(name, nameof(Written.Precision), options)) precision = Member<DatePrecision>(ref reader, options, name);
            else if (Is(name, nameof(Written.To), options)) to = Day(ref reader, name);
            else reader.Skip();
        }
        return new Occurrence(from ?? default, precision, to);
    }

    public override void Write(Utf8JsonWriter writer, Occurrence value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new Written(value.From, value.Precision, value.To), options);

    private static bool Is(string name, string member, JsonSerializerOptions options) =>
        string.Equals(name, options.PropertyNamingPolicy?.ConvertName(member) ?? member,
            options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>A day as the serializer writes one (YYYY-MM-DD), read here directly: every stored event's dates come this way.</summary>
    private static DateOnly? Day(ref Utf8JsonReader reader, string name) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String when DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var day) => day,
        _ => throw JsonReadProblems.Member(name, typeof(DateOnly))
    };

    private static T? Member<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, string name)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(ref reader, options);
        }
        catch (JsonException e) when (e.InnerException is not JsonException) // a value it cannot convert, not broken JSON
        {
            throw JsonReadProblems.Member(name, typeof(T));
        }
    }
}
