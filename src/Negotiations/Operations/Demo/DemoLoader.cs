using System.Security.Claims;
using Negotiations.Operations.Settings;
using Microsoft.Extensions.Options;

namespace Negotiations.Operations.Demo;

/// <summary>When Negotiations:LoadDemoScenario is on, loads the demo scenario into an empty store once the application has started.</summary>
public sealed class DemoLoader(DemoScenario demo, IOptions<NegotiationsSettings> settings, IHostApplicationLifetime lifetime, ILogger<DemoLoader> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.LoadDemoScenario) return;
        var started = new TaskCompletionSource();
        await using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);

        if (!await demo.StoreIsEmptyAsync(stoppingToken))
        {
            logger.LogInformation("The event store holds events already: the demo scenario is not loaded again");
            return;
        }
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, settings.Value.RecordedBy)], "demo"));
        var summary = await demo.LoadAsync(user, stoppingToken);
        logger.LogInformation("Demo scenario loaded: {Applied} of {Lines} developments applied, {Rejected} rejected",
            summary.Applied, summary.Lines, summary.Rejected);
    }
}
