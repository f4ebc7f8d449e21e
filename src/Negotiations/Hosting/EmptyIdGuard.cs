using Microsoft.AspNetCore.Mvc;

namespace Negotiations.Hosting;

/// <summary>
/// No stream has the empty id, and Marten refuses to even look one up (it throws): a route naming it is a 404
/// here, before any endpoint loads anything.
/// </summary>
public sealed class EmptyIdGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api")
            && context.Request.RouteValues.FirstOrDefault(v => v.Value is string text && Guid.TryParse(text, out var id) && id == Guid.Empty) is { Key: { } name })
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsJsonAsync(new ProblemDetails
            {
                Status = 404, Title = "Unknown id",
                Detail = $"Nothing has the empty id given as {name}: ids are never all zeros. Nothing was recorded."
            }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
            return;
        }
        await next(context);
    }
}
