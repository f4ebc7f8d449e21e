using Negotiations.Operations.Settings;
namespace Negotiations.Operations.Hosting;

public static class OperationsSetup
{
    /// <summary>
    /// What running the service needs beyond serving it: settings validated and the database reached before anything
    /// starts, and a shutdown that lets requests in flight and the daemon finish.
    /// </summary>
    public static WebApplicationBuilder AddNegotiationsOperations(this WebApplicationBuilder builder)
    {
        builder.Services.ValidateNegotiationsSettings();
        builder.Services.AddHostedService<DatabaseReachability>();
        // Kestrel drains requests in flight and the daemon saves its progress within this; the default 30 s is kept
        // deliberately short of the 30 s a container runtime waits after SIGTERM before SIGKILL.
        builder.Services.AddOptions<HostOptions>().Configure<IConfiguration>((o, configuration) => o.ShutdownTimeout = configuration.GetValue(
            $"{NegotiationsSettings.Section}:ShutdownTimeout", TimeSpan.FromSeconds(25)));
        return builder;
    }
}
