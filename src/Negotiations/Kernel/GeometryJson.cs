using System.Text.Json;
using System.Text.Json.Serialization;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Negotiations.Kernel;

/// <summary>
/// Geometries as GeoJSON (RFC 7946), read and written by NetTopologySuite's converter. What that converter refuses with
/// an ArgumentException (an open ring, a line of one position) is a JSON error of the field instead, so that a client
/// gets a 400 naming <c>place.geometry</c> and why, not a 500.
/// </summary>
public sealed class GeometryJson : JsonConverter<Geometry>
{
    private readonly GeoJsonConverterFactory factory = new(JsonDialect.Geography);
    private JsonConverter<Geometry>? inner;

    private JsonConverter<Geometry> Inner(JsonSerializerOptions options) =>
        inner ??= (JsonConverter<Geometry>)factory.CreateConverter(typeof(Geometry), options)!;

    public override Geometry? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return Inner(options).Read(ref reader, typeToConvert, options);
        }
        catch (ArgumentException e)
        {
            throw JsonReadProblems.Refused($"Not a GeoJSON geometry: {e.Message.TrimEnd('.')}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, Geometry value, JsonSerializerOptions options) => Inner(options).Write(writer, value, options);
}
