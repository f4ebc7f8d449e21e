using Microsoft.AspNetCore.Mvc;

namespace Negotiations.Hosting;

/// <summary>A ProblemDetails answered by a middleware that refuses a request before any endpoint runs.</summary>
public static class ProblemResponse
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = title, Detail = detail },
            (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
