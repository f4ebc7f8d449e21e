using System.Text.Json;
using System.Text.Json.Serialization;

namespace Negotiations.Kernel;

public static class JsonDialect
{
    /// <summary>
    /// One JSON dialect for stored events, documents and the HTTP API: camelCase, enums as kebab-case words except the
    /// Admiralty reliability grade, written as the scale's capital letter ("B"), geometries as GeoJSON, numbers as JSON numbers only (the web
    /// defaults would also read "3" as 3, and the API document would say so). Enum names read in either case, so
    /// events stored with the grade in lower case read as before.
    /// </summary>
    public static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.NumberHandling = JsonNumberHandling.Strict;
        // First, so that it wins over the converter Marten adds for EnumStorage.AsString.
        json.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        json.Converters.Insert(0, new JsonStringEnumConverter<Reliability>(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
        // Geometries as GeoJSON (RFC 7946), in WGS 84 longitude and latitude.
        json.Converters.Add(new GeometryJson());
    }

    /// <summary>The web defaults in this dialect, for code that reads or writes the API's JSON itself. Read-only once built.</summary>
    public static readonly JsonSerializerOptions Web = CreateWeb();

    private static JsonSerializerOptions CreateWeb()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(json);
        json.MakeReadOnly(populateMissingResolver: true);
        return json;
    }

    /// <summary>The geometries of places: WGS 84 (SRID 4326), coordinates kept as given.</summary>
    public static readonly NetTopologySuite.Geometries.GeometryFactory Geography = new(new NetTopologySuite.Geometries.PrecisionModel(), 4326);
}
