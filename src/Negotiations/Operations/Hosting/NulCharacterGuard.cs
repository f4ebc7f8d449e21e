using Negotiations.Kernel;

namespace Negotiations.Operations.Hosting;

/// <summary>
/// PostgreSQL text cannot hold a NUL character, so a query value, route value or header that carries one
/// would fail in the database (a 500): it is a 400 naming where it was, before anything reads it.
/// </summary>
public sealed class NulCharacterGuard(RequestDelegate next)
{
    private static readonly string[] Headers = [IdempotencyPolicy.Header, "Last-Event-ID"];

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var (field, where) = request.Query.FirstOrDefault(q => q.Key.Contains('\0') || q.Value.Any(v => v?.Contains('\0') == true)).Key is { } query
                ? (Printable(query), $"the query value {Printable(query)}")
            : request.RouteValues.FirstOrDefault(v => v.Value is string text && text.Contains('\0')).Key is { } route ? (route, $"the route value {route}")
            : Headers.FirstOrDefault(h => request.Headers[h].Any(v => v?.Contains('\0') == true)) is { } header ? (header, $"the {header} header")
            : (null, null);
        if (field is not null && request.Path.StartsWithSegments("/api"))
        {
            const string message = "Holds a NUL character, which cannot be stored or searched for.";
            await ProblemResponse.WriteAsync(context, StatusCodes.Status400BadRequest, "A NUL character",
                $"{char.ToUpperInvariant(where![0])}{where[1..]} holds a NUL character, which cannot be stored or searched for. Nothing was recorded.",
                new Dictionary<string, string[]> { [field] = [message] });
            return;
        }
        await next(context);
    }

    private static string Printable(string name) => name.Replace("\0", "\\0");
}
