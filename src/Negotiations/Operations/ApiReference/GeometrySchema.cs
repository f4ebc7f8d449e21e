using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NetTopologySuite.Geometries;

namespace Negotiations.Operations.ApiReference;

/// <summary>A geometry is read and written as GeoJSON by its converter, which the document generator cannot see into: described here.</summary>
public sealed class GeometrySchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (!typeof(Geometry).IsAssignableFrom(context.JsonTypeInfo.Type)) return Task.CompletedTask;
        schema.Type = JsonSchemaType.Object;
        schema.Description = "A GeoJSON geometry (RFC 7946): positions are [longitude, latitude] in WGS 84 degrees; a polygon's rings are closed.";
        schema.Required = new HashSet<string> { "type", "coordinates" };
        schema.Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = ["Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon"]
            },
            ["coordinates"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "A position, or arrays of positions nested as the type requires.",
                Items = new OpenApiSchema { Description = "A number of the position, or a nested array." }
            }
        };
        schema.Examples = [JsonNode.Parse("""{"type": "Point", "coordinates": [36.566, 32.709]}""")!];
        return Task.CompletedTask;
    }
}
