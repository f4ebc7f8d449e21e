using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Negotiations.Operations.ApiReference;

/// <summary>
/// The server the document names is where it was requested from, without the trailing slash ASP.NET Core leaves
/// when there is no path base: every path already starts with one.
/// </summary>
public sealed class ServerUrls : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var server in document.Servers ?? [])
            if (server.Url is { Length: > 1 } url && url.EndsWith('/')) server.Url = url.TrimEnd('/');
        return Task.CompletedTask;
    }
}
