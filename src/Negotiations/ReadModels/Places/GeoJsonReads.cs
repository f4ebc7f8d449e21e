using System.Text.Json;
using Negotiations.Kernel;

namespace Negotiations.ReadModels.Places;

/// <summary>How the map's reads write and read their features: the API's dialect, geometries as GeoJSON.</summary>
internal static class GeoJsonReads
{
    public static readonly JsonSerializerOptions Json = Create();

    private static JsonSerializerOptions Create()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonDialect.Configure(json);
        return json;
    }
}
