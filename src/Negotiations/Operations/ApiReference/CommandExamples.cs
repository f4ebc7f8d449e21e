using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Negotiations.Operations.Demo;

namespace Negotiations.Operations.ApiReference;

/// <summary>
/// The example request body of each command in the API reference is its first line in the demo scenario, or, for
/// a command the demo does not use, its first line in examples.jsonl, which carries the demo's story on. Both files
/// are applied in that order by a test, so every example is a real development in an order that works. An event id
/// an example names is a placeholder (see <see cref="ExampleEventIds"/>), said so in the operation's description.
/// A line names its route values (the import needs them for the URL); the example body leaves out those that the
/// body does not carry, so that it matches the body's schema, and they are the path parameters' examples.
/// </summary>
public sealed class CommandExamples : IOpenApiOperationTransformer
{
    public const string ResourceName = "ApiReference.examples.jsonl";

    private static readonly Lazy<IReadOnlyDictionary<string, JsonObject>> ByOperation = new(Read);

    /// <summary>Each command's example line, without its command name and Idempotency-Key: route values included.</summary>
    public static IReadOnlyDictionary<string, JsonObject> All => ByOperation.Value;

    /// <summary>The body of an example line: the line without the route values the body does not carry.</summary>
    public static JsonObject BodyOf(JsonObject line, IEnumerable<string> routeValues, IEnumerable<string> bodyProperties)
    {
        var body = line.DeepClone().AsObject();
        foreach (var route in routeValues.Except(bodyProperties, StringComparer.OrdinalIgnoreCase)) body.Remove(route);
        return body;
    }

    /// <summary>The lines that continue the demo scenario, in the import format.</summary>
    public static TextReader OpenContinuation() =>
        new StreamReader(typeof(CommandExamples).Assembly.GetManifestResourceStream(ResourceName)
                         ?? throw new InvalidOperationException($"The command examples {ResourceName} are not embedded."));

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var id = operation.OperationId ?? context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        if (id is null || !All.TryGetValue(id, out var line) || operation.RequestBody?.Content is not { } content) return Task.CompletedTask;
        var example = BodyOf(line, RouteValues(operation), BodyProperties(context));
        foreach (var media in content.Values) media.Example = example.DeepClone();
        // The line's route values are the path parameters' examples.
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Path))
            if (parameter.Name is not null && line[parameter.Name] is { } value) parameter.Example = value.DeepClone();
        var text = line.ToJsonString();
        var placeholders = ExampleEventIds.Placeholders.Where(p => text.Contains(p.Key.ToString(), StringComparison.OrdinalIgnoreCase))
            .Select(p => $"{p.Key} stands for the id of {p.Value.Describes} (event {p.Value.Version} of stream {p.Value.StreamId})").ToList();
        if (placeholders.Count > 0)
            operation.Description = string.Join("\n\n", new[] { operation.Description, $"In the example, {string.Join("; ", placeholders)}: name the event you mean by the id Marten gave it." }
                .Where(d => !string.IsNullOrEmpty(d)));
        return Task.CompletedTask;
    }

    private static IEnumerable<string> RouteValues(OpenApiOperation operation) =>
        (operation.Parameters ?? []).Where(p => p.In == ParameterLocation.Path && p.Name is not null).Select(p => p.Name!);

    private static IEnumerable<string> BodyProperties(OpenApiOperationTransformerContext context)
    {
        var body = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
        if (body is null) return [];
        var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return json.GetTypeInfo(body).Properties.Select(p => p.Name);
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
