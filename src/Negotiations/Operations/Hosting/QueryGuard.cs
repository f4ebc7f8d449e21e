using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Operations.Hosting;

/// <summary>
/// A query parameter the endpoint does not take is a 400 naming it and the ones it takes, rather than being ignored:
/// a name sent with the meaning it has elsewhere (or had before: asOf on a single stream's read is now knownAt)
/// would otherwise answer something else than was asked, without saying so.
/// </summary>
public sealed class QueryGuard(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<HttpChain, IReadOnlyList<(string Name, Type Type)>> Taken = new();

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Query.Count > 0 && context.Request.Path.StartsWithSegments("/api")
            && context.GetEndpoint()?.Metadata.GetMetadata<HttpChain>() is { } chain)
        {
            var parameters = Parameters(chain);
            var unknown = context.Request.Query.Keys.Where(k => !parameters.Any(p => string.Equals(p.Name, k, StringComparison.OrdinalIgnoreCase))).ToList();
            if (unknown.Count > 0)
            {
                var takes = parameters.Count == 0 ? "it takes none" : $"it takes {string.Join(", ", parameters.Select(p => p.Name))}";
                var problems = new Problems();
                foreach (var name in unknown) problems.Add(name, $"Not a parameter of this endpoint: {takes}.");
                var result = problems.Result();
                result.Title = "The query is not valid";
                await ProblemResponse.WriteAsync(context, result);
                return;
            }
        }
        await next(context);
    }

    /// <summary>The query parameters an endpoint binds (every endpoint marks them [FromQuery]), with their types.</summary>
    public static IReadOnlyList<(string Name, Type Type)> Parameters(HttpChain chain) => Taken.GetOrAdd(chain, c => c.Method.Method.GetParameters()
        .Select(p => (Query: p.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault(), Parameter: p))
        .Where(p => p.Query is not null)
        .Select(p => (p.Query!.Name ?? p.Parameter.Name!, p.Parameter.ParameterType))
        .ToList());
}
