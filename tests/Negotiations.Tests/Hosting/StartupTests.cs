using System.Net;
using Negotiations.Operations.Settings;
using System.Net.Sockets;
using Alba;
using Microsoft.AspNetCore.Hosting;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Hosting;

/// <summary>A host that cannot work refuses to start, and says why in words an operator can act on.</summary>
public class StartupTests
{
    private static Task<IAlbaHost> Start(params (string Key, string Value)[] settings) => AlbaHost.For<Program>(builder =>
    {
        builder.UseSetting("ConnectionStrings:Marten", TestDatabase.ConnectionString);
        builder.UseSetting("Negotiations:Schema", TestDatabase.NewSchema("startup"));
        Negotiations.TestSupport.TestLogging.Configure(builder);
        // Each of these starts fails on purpose: the failure's message is asserted, not shown.
        builder.UseSetting("Logging:LogLevel:Microsoft.Extensions.Hosting", "None");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    });

    [Fact]
    public async Task A_bad_setting_stops_the_start_naming_the_setting_its_variable_and_its_value()
    {
        var failure = await Should.ThrowAsync<Exception>(() => Start(("Negotiations:Limits:Burst", "0"), ("Negotiations:AnonymousRole", "admin")));

        failure.Message.ShouldContain("Negotiations:Limits:Burst (Negotiations__Limits__Burst) must be at least 1; it is '0'.");
        failure.Message.ShouldContain("Negotiations:AnonymousRole (Negotiations__AnonymousRole) must be empty or one of monitor, auditor, viewer; it is 'admin'.");
    }

    [Fact]
    public async Task An_unreachable_database_stops_the_start_naming_host_and_port()
    {
        var port = FreePort();
        var failure = await Should.ThrowAsync<StartupCheckFailed>(() =>
            Start(("ConnectionStrings:Marten", $"Host=127.0.0.1;Port={port};Database=negotiations;Username=postgres;Password=secret")));

        failure.Message.ShouldStartWith($"PostgreSQL at 127.0.0.1:{port} does not answer");
        failure.Message.ShouldContain("is it running");
        failure.Message.ShouldContain("ConnectionStrings__Marten");
        failure.Message.ShouldNotContain("secret");
        failure.ToString().ShouldBe(failure.Message);
    }

    [Fact]
    public async Task A_database_that_refuses_the_login_is_named_with_what_to_check()
    {
        var problem = await DatabaseReachability.ProblemAsync(TestDatabase.ConnectionString.Replace("Database=negotiations", "Database=no_such_database_here"), CancellationToken.None);

        problem.ShouldNotBeNull();
        problem.ShouldContain("refused the connection");
        problem.ShouldContain("no_such_database_here");
    }

    [Fact]
    public async Task A_reachable_database_is_no_problem() =>
        (await DatabaseReachability.ProblemAsync(TestDatabase.ConnectionString, CancellationToken.None)).ShouldBeNull();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
