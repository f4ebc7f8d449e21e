using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Operations.Hosting;

/// <summary>
/// Every ProblemDetails the application writes passes here (ASP.NET Core's problem details service): the answers
/// written by the libraries are put in the API's words and in the one shape of the API's 400s, an errors map keyed
/// by field or parameter name, and the type links are ASP.NET Core's RFC 9110 ones.
/// </summary>
public static class ProblemWording
{
    private const string Rfc9110BadRequest = "https://tools.ietf.org/html/rfc9110#section-15.5.1";

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var chain = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<HttpChain>();
        // Wolverine's answer to a query value it cannot parse names the .NET type it wanted.
        if (problem.Status == 400 && problem.Extensions.TryGetValue("parameter", out var value) && value is string parameter && chain is not null)
        {
            var type = QueryGuard.Parameters(chain).FirstOrDefault(p => string.Equals(p.Name, parameter, StringComparison.OrdinalIgnoreCase)).Type;
            var message = type is null ? "Not a value this parameter takes." : $"Expected {Accepted.InQuery(type)}.";
            problem.Extensions.Remove("parameter");
            problem.Title = "The query is not valid";
            problem.Detail = $"{parameter}: {message}";
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [parameter] = [message] };
        }
        // An id in the path that is no id at all: Wolverine answers an empty 404.
        else if (problem.Status == 404 && problem.Detail is null && MalformedId(context.HttpContext) is { } name)
        {
            problem.Title = "Unknown id";
            problem.Detail = $"Nothing has the id given as {name}: expected {Accepted.InQuery(typeof(Guid))}.";
        }

        if (problem.Type?.StartsWith("https://httpstatuses.com/", StringComparison.Ordinal) == true) problem.Type = null;
        if (problem.Status == 400)
        {
            problem.Type ??= Rfc9110BadRequest;
            if (problem is not HttpValidationProblemDetails && !problem.Extensions.ContainsKey("errors"))
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [Problems.Body] = [problem.Detail ?? problem.Title ?? "The request cannot be read."] };
        }
    }

    /// <summary>Every route value of the API named ...Id is a stream's id, a UUID.</summary>
    private static string? MalformedId(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint route && context.Request.Path.StartsWithSegments("/api")
            ? route.RoutePattern.Parameters.Select(p => p.Name)
                .FirstOrDefault(name => name.EndsWith("Id", StringComparison.Ordinal)
                                        && context.Request.RouteValues.TryGetValue(name, out var raw) && raw is string text && !Guid.TryParse(text, out _))
            : null;
}
