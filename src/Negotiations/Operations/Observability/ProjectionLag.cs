using System.Diagnostics.Metrics;
using Marten;
using Microsoft.Extensions.Options;
using Negotiations.ReadModels.Status;

namespace Negotiations.Operations.Observability;

/// <summary>
/// `negotiations.projection.lag`: how many events each asynchronous projection is behind the daemon's
/// high-water mark, tagged by projection. A gauge is read on the scraper's thread, so the store is sampled
/// in the background (Negotiations:Telemetry:LagSampleInterval) and the gauge reports the last sample.
/// </summary>
public sealed class ProjectionLag : BackgroundService
{
    public const string MeterName = "Negotiations";
    private readonly IDocumentStore _store;
    private readonly IOptions<TelemetrySettings> _settings;
    private readonly ILogger<ProjectionLag> _logger;
    private volatile IReadOnlyList<Measurement<long>> _sample = [];

    public ProjectionLag(IDocumentStore store, IOptions<TelemetrySettings> settings, IMeterFactory meters, ILogger<ProjectionLag> logger)
    {
        _store = store;
        _settings = settings;
        _logger = logger;
        meters.Create(MeterName).CreateObservableGauge("negotiations.projection.lag", () => _sample, "{event}",
            "Events the asynchronous projection has still to apply: the daemon's high-water mark minus the projection's position");
    }

    /// <summary>Each async projection's lag behind the high-water mark, by projection name (the slowest shard of each).</summary>
    public async Task<IReadOnlyDictionary<string, long>> ReadAsync(CancellationToken cancellation)
    {
        var progress = await ProjectionProgress.ReadAsync(_store, cancellation);
        return ProjectionProgress.AsyncProjections(_store).ToDictionary(name => name, progress.Lag);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_settings.Value.LagSampleInterval);
        do
        {
            try
            {
                var lags = await ReadAsync(stoppingToken);
                _sample = lags.Select(l => new Measurement<long>(l.Value, new KeyValuePair<string, object?>("projection", l.Key))).ToList();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                _logger.LogWarning("The projection lag could not be sampled: {Reason}", e.Message);
            }
        } while (await Wait(timer, stoppingToken));
    }

    private static async Task<bool> Wait(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try { return await timer.WaitForNextTickAsync(stoppingToken); }
        catch (OperationCanceledException) { return false; }
    }
}
