using Alba;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Negotiations.Tests.Support;

/// <summary>One route the application serves, read from its endpoint data sources.</summary>
public sealed record Route(string Method, RoutePattern Pattern, bool Anonymous)
{
    /// <summary>The path with each parameter filled in by <paramref name="value"/> (given the parameter's name).</summary>
    public string Path(Func<string, string> value) =>
        "/" + string.Join("/", Pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart { Name: "documentName" } => "v1",
            RoutePatternParameterPart parameter => value(parameter.Name),
            _ => ""
        }))));
}

public static class RouteTable
{
    /// <summary>Every route with each of its methods (not a list kept by hand).</summary>
    public static IReadOnlyList<Route> Of(IAlbaHost host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method =>
                new Route(method, e.RoutePattern, e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)))
            .Where(r => r.Method != "OPTIONS")
            .DistinctBy(r => (r.Method, r.Pattern.RawText))
            .ToList();
}
