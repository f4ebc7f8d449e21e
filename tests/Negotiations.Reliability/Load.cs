namespace Negotiations.Reliability;

/// <summary>Several monitors sending commands at once, until stopped; they can be stopped and started again around a crash.</summary>
public sealed class MonitorLoad(IReadOnlyList<Monitor> monitors)
{
    private CancellationTokenSource? stop;
    private Task running = Task.CompletedTask;

    public static async Task<MonitorLoad> CreateAsync(IReadOnlyList<HttpClient> nodes, Ledger ledger, int count)
    {
        var monitors = Enumerable.Range(0, count).Select(i => new Monitor(nodes, ledger, i)).ToList();
        await Task.WhenAll(monitors.Select(m => m.ProposeAsync(CancellationToken.None)));
        return new MonitorLoad(monitors);
    }

    public void Start()
    {
        stop = new CancellationTokenSource();
        var token = stop.Token;
        running = Task.WhenAll(monitors.Select(m => Task.Run(() => m.RunAsync(token))));
    }

    /// <summary>Stops sending; a command still unanswered is abandoned (it was not acknowledged).</summary>
    public async Task StopAsync()
    {
        stop?.Cancel();
        await running;
    }
}
