using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Negotiations.Operations.Health;

/// <summary>
/// `/health` answers 200 (Healthy, Degraded) or 503 (Unhealthy) with each check's status and description as
/// JSON, and its detail under `data` when it has any (the projections: one entry per asynchronous projection).
/// </summary>
public static class HealthResponse
{
    public static readonly HealthCheckOptions Options = new() { ResponseWriter = WriteAsync };

    /// <summary>`/health/database`: only whether PostgreSQL answers one trivial query (the cheapest round trip, a floor for reads).</summary>
    public static readonly HealthCheckOptions DatabaseOnly = new() { ResponseWriter = WriteAsync, Predicate = check => check.Name == "database" };

    private static Task WriteAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data.Count == 0 ? null : e.Value.Data
            })
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
