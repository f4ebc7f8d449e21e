using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Negotiations.Kernel;

namespace Negotiations.Operations.ApiReference;

/// <summary>
/// A date of occurrence has a converter of its own (<see cref="OccurrenceJson"/>), which the document generator cannot
/// see into: it is described here in both forms it is read in, a date as written and the object it is answered with.
/// </summary>
public sealed class OccurrenceSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(Occurrence)) return Task.CompletedTask;
        schema.Description = $"When it happened, as precisely as it is known: {Occurrence.Forms}. Always answered as the object.";
        schema.OneOf =
        [
            new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Pattern = @"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$",
                Description = "A day YYYY-MM-DD, a month YYYY-MM, a year YYYY, or a range FROM/TO of them.",
                Examples = [JsonValue.Create("2025-09-14"), JsonValue.Create("2025-09"), JsonValue.Create("2025"), JsonValue.Create("2025-07/2025-09")]
            },
            new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "from" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["from"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", Description = "The first day it may have happened on (a month's or a year's first day)." },
                    ["precision"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Enum = Enum.GetValues<DatePrecision>().Select(p => (JsonNode)JsonValue.Create(p.Word())).ToList(),
                        Description = "day (default), month, year or range."
                    },
                    ["to"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "date", Description = "The last day of a range." }
                }
            }
        ];
        return Task.CompletedTask;
    }
}
