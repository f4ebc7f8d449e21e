using System.Security.Claims;
using Negotiations.Operations.Settings;
using JasperFx.CommandLine;
using Microsoft.Extensions.Options;

namespace Negotiations.Operations.CommandLine;

/// <summary>
/// Runs a command's work on the application's services. Commands that only read and write the store use the services
/// alone; those that go through Wolverine's endpoints (import) or wait for the async daemon (replay) start the host,
/// whose server listens nowhere (<see cref="NoListener"/>). Either way the settings are checked and the database
/// reached first, and the command says on standard error which database it works on.
/// </summary>
internal static class CommandHost
{
    public static async Task<bool> RunAsync(string command, NetCoreInput input, Func<IServiceProvider, Task<bool>> work, bool start = false)
    {
        using var host = input.BuildHost();
        var services = host.Services;
        if (start) await host.StartAsync();
        else await CheckAsync(services);
        try
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var schema = services.GetRequiredService<IOptions<NegotiationsSettings>>().Value.Schema;
            await Console.Error.WriteLineAsync($"{command}: {DatabaseLocation.Describe(DatabaseLocation.ConnectionString(configuration))}, schema {schema}");
            return await work(services);
        }
        finally
        {
            if (start) await host.StopAsync();
        }
    }

    /// <summary>What starting the host would check first: the settings (ValidateOnStart) and that the database answers.</summary>
    private static async Task CheckAsync(IServiceProvider services)
    {
        services.GetService<IStartupValidator>()?.Validate();
        var connectionString = DatabaseLocation.ConnectionString(services.GetRequiredService<IConfiguration>());
        if (await DatabaseReachability.ProblemAsync(connectionString, CancellationToken.None) is { } problem)
        {
            ExitCodes.Fail();
            throw new StartupCheckFailed(problem);
        }
    }

    public static ClaimsPrincipal User(IServiceProvider services) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, services.GetRequiredService<IOptions<NegotiationsSettings>>().Value.RecordedBy)], "command-line"));
}
