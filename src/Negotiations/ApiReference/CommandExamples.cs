using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Negotiations.Demo;

namespace Negotiations.ApiReference;

/// <summary>
/// The example request body of each command in the API reference is its first line in the demo scenario, so the
/// examples are real developments that the demo's own import proves valid, in an order that works.
/// </summary>
public sealed class CommandExamples : IOpenApiOperationTransformer
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonObject>> ByOperation = new(Read);

    public static IReadOnlyDictionary<string, JsonObject> All => ByOperation.Value;

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var id = operation.OperationId ?? context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        if (id is null || !All.TryGetValue(id, out var example) || operation.RequestBody?.Content is not { } content) return Task.CompletedTask;
        foreach (var media in content.Values) media.Example = example.DeepClone();
        return Task.CompletedTask;
    }

    private static IReadOnlyDictionary<string, JsonObject> Read()
    {
        var examples = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        using var demo = DemoScenario.Open();
        while (demo.ReadLine() is { } line)
        {
            if (JsonNode.Parse(line) is not JsonObject body || body["command"]?.GetValue<string>() is not { } command || examples.ContainsKey(command)) continue;
            body.Remove("command");
            body.Remove("idempotencyKey");
            examples[command] = body;
        }
        return examples;
    }
}
