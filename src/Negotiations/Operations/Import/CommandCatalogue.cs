using Microsoft.AspNetCore.Routing.Patterns;

namespace Negotiations.Operations.Import;

/// <summary>
/// Every command the API accepts from a monitor, by its OpenAPI operation id: an import line names one and is sent
/// through that very endpoint, so validation, deciders, concurrency and errors are those of HTTP. The auditors'
/// operations (verify, checkpoint) are not among them: a line runs its endpoint without the route's authorisation.
/// </summary>
public sealed class CommandCatalogue(EndpointDataSource endpoints)
{
    private readonly Lazy<IReadOnlyDictionary<string, RouteEndpoint>> _commands = new(() => endpoints.Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
        .Select(e => (Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName, Endpoint: e))
        .Where(e => e.Name is not null && e.Name != ImportEndpoint.OperationId)
        .Where(e => Security.RouteAccess.RoleFor("POST", new PathString("/" + e.Endpoint.RoutePattern.RawText!.TrimStart('/'))) == Settings.Roles.Monitor)
        .ToDictionary(e => e.Name!, e => e.Endpoint, StringComparer.OrdinalIgnoreCase));

    public IReadOnlyDictionary<string, RouteEndpoint> Commands => _commands.Value;

    public static IEnumerable<string> RouteParameters(RouteEndpoint endpoint) => endpoint.RoutePattern.Parameters.Select(p => p.Name);

    /// <summary>The path with each route parameter taken from the line's property of the same name.</summary>
    public static string PathFor(RouteEndpoint endpoint, IReadOnlyDictionary<string, string> values) =>
        "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => Uri.EscapeDataString(values[parameter.Name]),
            _ => ""
        }))));
}
