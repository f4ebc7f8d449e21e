using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Negotiations.Demo;

namespace Negotiations.ApiReference;

/// <summary>
/// The example request body of each command in the API reference is its first line in the demo scenario, or, for
/// a command the demo does not use, its first line in examples.jsonl, which carries the demo's story on. Both files
/// are applied in that order by a test, so every example is a real development in an order that works. An event id
/// an example names is a placeholder (see <see cref="ExampleEventIds"/>), said so in the operation's description.
/// </summary>
public sealed class CommandExamples : IOpenApiOperationTransformer
{
    public const string ResourceName = "ApiReference.examples.jsonl";

    private static readonly Lazy<IReadOnlyDictionary<string, JsonObject>> ByOperation = new(Read);

    public static IReadOnlyDictionary<string, JsonObject> All => ByOperation.Value;

    /// <summary>The lines that continue the demo scenario, in the import format.</summary>
    public static TextReader OpenContinuation() =>
        new StreamReader(typeof(CommandExamples).Assembly.GetManifestResourceStream(ResourceName)
                         ?? throw new InvalidOperationException($"The command examples {ResourceName} are not embedded."));

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var id = operation.OperationId ?? context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        if (id is null || !All.TryGetValue(id, out var example) || operation.RequestBody?.Content is not { } content) return Task.CompletedTask;
        foreach (var media in content.Values) media.Example = example.DeepClone();
        var text = example.ToJsonString();
        var placeholders = ExampleEventIds.Placeholders.Where(p => text.Contains(p.Key.ToString(), StringComparison.OrdinalIgnoreCase))
            .Select(p => $"{p.Key} stands for the id of {p.Value.Describes} (event {p.Value.Version} of stream {p.Value.StreamId})").ToList();
        if (placeholders.Count > 0)
            operation.Description = string.Join("\n\n", new[] { operation.Description, $"In the example, {string.Join("; ", placeholders)}: name the event you mean by the id Marten gave it." }
                .Where(d => !string.IsNullOrEmpty(d)));
        return Task.CompletedTask;
    }

    private static IReadOnlyDictionary<string, JsonObject> Read()
    {
        var examples = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var open in new Func<TextReader>[] { DemoScenario.Open, OpenContinuation })
        {
            using var lines = open();
            while (lines.ReadLine() is { } line)
            {
                if (JsonNode.Parse(line) is not JsonObject body || body["command"]?.GetValue<string>() is not { } command || examples.ContainsKey(command)) continue;
                body.Remove("command");
                body.Remove("idempotencyKey");
                examples[command] = body;
            }
        }
        return examples;
    }
}
