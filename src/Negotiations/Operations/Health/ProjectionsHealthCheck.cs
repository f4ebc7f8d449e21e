using JasperFx;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Negotiations.ReadModels.Status;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Negotiations.Operations.Health;

/// <summary>
/// The asynchronous projections as the daemon sees them. Unhealthy (503) when one has stopped: its read
/// model no longer follows the events, and every read of it says it is behind. Degraded (200) when one has
/// dead-lettered events (a read model missing events must be looked at) or when no agent runs here yet.
/// Each projection's detail is in the check's data. See Health/README.md.
/// </summary>
public sealed class ProjectionsHealthCheck(IDocumentStore store, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ProjectionHealth> projections;
        try
        {
            projections = await ReadAsync(cancellationToken);
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"The projections' progress cannot be read: {e.Message}");
        }

        var data = projections.ToDictionary(p => p.Projection, p => (object)p);
        var stopped = projections.Where(p => p.State == ProjectionHealth.Stopped).Select(p => p.Projection).ToList();
        var deadLettered = projections.Where(p => p.DeadLetters > 0).Select(p => $"{p.Projection} ({p.DeadLetters})").ToList();
        var lag = string.Join(", ", projections.Select(p => $"{p.Projection} {p.Lag} behind"));

        if (stopped.Count > 0)
            return HealthCheckResult.Unhealthy($"Stopped: {string.Join(", ", stopped)}. {lag}", data: data);
        if (deadLettered.Count > 0)
            return HealthCheckResult.Degraded($"Dead-lettered events: {string.Join(", ", deadLettered)}. {lag}", data: data);
        if (projections.Any(p => p.State == ProjectionHealth.NotHere))
            return HealthCheckResult.Degraded($"Not running on this node: {string.Join(", ", projections.Where(p => p.State == ProjectionHealth.NotHere).Select(p => p.Projection))}. {lag}", data: data);
        return HealthCheckResult.Healthy($"All running: {lag}", data);
    }

    public async Task<IReadOnlyList<ProjectionHealth>> ReadAsync(CancellationToken cancellation)
    {
        var progress = await ProjectionProgress.ReadAsync(store, cancellation);
        var agents = services.GetService<IProjectionCoordinator>()?.DaemonForMainDatabase().CurrentAgents() ?? [];
        var deadLetters = await DeadLettersAsync(cancellation);

        return ProjectionProgress.AsyncProjections(store).Select(name =>
        {
            var mine = agents.Where(a => a.Name.Name == name).ToList();
            var failing = mine.FirstOrDefault(a => a.Status != AgentStatus.Running);
            var state = mine.Count == 0 ? ProjectionHealth.NotHere : failing is null ? ProjectionHealth.Running : ProjectionHealth.Stopped;
            var failure = failing?.Failure is { } f ? $"{f.Category} at sequence {f.Event?.Sequence}: {f.Message}" : null;
            return new ProjectionHealth(name, state, progress.Position(name), progress.HighWaterMark, progress.Lag(name),
                deadLetters.GetValueOrDefault(name), failure);
        }).ToList();
    }

    private async Task<Dictionary<string, long>> DeadLettersAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var letters = await session.Query<DeadLetterEvent>().Select(d => d.ProjectionName).ToListAsync(cancellation);
        return letters.GroupBy(n => n).ToDictionary(g => g.Key, g => (long)g.Count());
    }
}
