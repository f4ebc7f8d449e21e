using Microsoft.AspNetCore.Mvc;

namespace Negotiations.Kernel;

/// <summary>
/// A ProblemDetails answered by a middleware that refuses a request before any endpoint runs, written by the same
/// problem details service as the endpoints' (same type links, same trace id); a 400 names its fields in errors.
/// </summary>
public static class ProblemResponse
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null ? new ProblemDetails() : new ValidationProblemDetails(errors);
        (problem.Status, problem.Title, problem.Detail) = (status, title, detail);
        return WriteAsync(context, problem);
    }

    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
            await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
