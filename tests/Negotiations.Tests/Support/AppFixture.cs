using Alba;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;

namespace Negotiations.Tests.Support;

/// <summary>
/// The whole application on Alba against the real PostgreSQL, in a schema of its own that is dropped
/// afterwards. One per test class: xunit runs classes in parallel.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;
    public string Schema { get; } = TestDatabase.NewSchema("app");

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    protected virtual void Configure(IWebHostBuilder builder) { }

    /// <summary>Given-state for every test of the class, once the host runs.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("ConnectionStrings:Marten", TestDatabase.ConnectionString);
            builder.UseSetting("Negotiations:Schema", Schema);
            builder.UseSetting("Negotiations:LoadDemoScenario", "false");
            TestKeys.Configure(builder);
            Negotiations.TestSupport.TestLogging.Configure(builder);
            // Tests fire requests faster than any person: the limits have tests of their own.
            builder.UseSetting("Negotiations:Limits:Burst", "100000");
            builder.UseSetting("Negotiations:Limits:PermitsPerSecond", "100000");
            builder.ConfigureServices(services =>
            {
                services.RunWolverineInSoloMode();
                services.DisableAllExternalWolverineTransports();
            });
            Configure(builder);
        });
        await SeedAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists \"{Schema}\" cascade", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
