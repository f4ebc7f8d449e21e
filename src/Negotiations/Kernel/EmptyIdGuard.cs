using Negotiations.Kernel;

namespace Negotiations.Kernel;

/// <summary>
/// No stream has the empty id, and Marten refuses to even look one up (it throws): a route naming it is a 404
/// here, before any endpoint loads anything.
/// </summary>
public sealed class EmptyIdGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api")
            && context.Request.RouteValues.FirstOrDefault(v => v.Value is string text && IsEmptyId(text)) is { Key: { } name })
        {
            await ProblemResponse.WriteAsync(context, StatusCodes.Status404NotFound, "Unknown id",
                $"Nothing has the empty id given as {name}: ids are never all zeros. Nothing was recorded.");
            return;
        }
        await next(context);
    }

    /// <summary>The import asks too: its lines reach the endpoints without passing through here.</summary>
    public static bool IsEmptyId(string value) => Guid.TryParse(value, out var id) && id == Guid.Empty;
}
