using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Negotiations.Operations.Health;

/// <summary>Healthy when PostgreSQL answers a query through Marten's own connection settings.</summary>
public sealed class DatabaseHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var session = store.QuerySession();
            var one = await session.QueryAsync<int>("select 1", cancellationToken);
            return one.Count == 1 ? HealthCheckResult.Healthy("PostgreSQL answers") : HealthCheckResult.Unhealthy("PostgreSQL gave no answer");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL does not answer: {e.Message}");
        }
    }
}
