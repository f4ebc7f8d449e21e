using System.Net;
using Alba;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.Operations.Audit;
using Negotiations.Tests.Support;
using Negotiations.Understandings;
using Npgsql;
using Wolverine;

namespace Negotiations.Tests.Audit;

/// <summary>
/// A schema hardened by eventstore-scripts/append-only.sql: its owner applied it, the application runs as a
/// role of its own. Roles are cluster-wide, so each fixture makes its own and drops them afterwards.
/// </summary>
public sealed class HardenedStoreFixture : IAsyncLifetime
{
    public string Schema { get; } = TestDatabase.NewSchema("ro");
    public string Owner { get; } = $"r_own_{Guid.NewGuid():N}"[..14];
    public string App { get; } = $"r_app_{Guid.NewGuid():N}"[..14];
    public IAlbaHost Host { get; private set; } = null!;
    public AppFixture Api { get; private set; } = null!;

    public string ConnectionAs(string role) => new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Username = role }.ConnectionString;

    private Task<IAlbaHost> StartAs(string role) => AlbaHost.For<Program>(builder =>
    {
        builder.UseSetting("ConnectionStrings:Marten", ConnectionAs(role));
        builder.UseSetting("Negotiations:Schema", Schema);
        builder.UseSetting("Negotiations:LoadDemoScenario", "false");
        builder.UseSetting("Audit:WriteChain", "false");
        builder.UseSetting("Audit:SigningKey", AuditFixture.SigningKey);
        TestKeys.Configure(builder);
        Negotiations.TestSupport.TestLogging.Configure(builder);
        builder.ConfigureServices(services =>
        {
            services.RunWolverineInSoloMode();
            services.DisableAllExternalWolverineTransports();
        });
    });

    public async Task InitializeAsync()
    {
        await HardenAsync();

        // The owner applies the schema, as `db-apply` run as the owner does (Wolverine builds its tables at start).
        await using (var owner = await StartAs(Owner))
            await owner.Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        await HardenAsync();
        Host = await StartAs(App);
        Api = new HostedApi(Host);
    }

    /// <summary>The hardening SQL, run by the administrator exactly as eventstore-scripts/harden runs it.</summary>
    public async Task HardenAsync()
    {
        var sql = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "eventstore-scripts", "append-only.sql"));
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using (var settings = new NpgsqlCommand(
            "select set_config('negotiations.schema', $1, false), set_config('negotiations.owner_role', $2, false), set_config('negotiations.app_role', $3, false)", connection))
        {
            settings.Parameters.Add(new NpgsqlParameter { Value = Schema });
            settings.Parameters.Add(new NpgsqlParameter { Value = Owner });
            settings.Parameters.Add(new NpgsqlParameter { Value = App });
            await settings.ExecuteNonQueryAsync();
        }
        await using var harden = new NpgsqlCommand(sql, connection);
        await harden.ExecuteNonQueryAsync();
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "eventstore-scripts"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("No eventstore-scripts folder above the test binaries.");
    }

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand(
            $"drop schema if exists \"{Schema}\" cascade; drop owned by \"{App}\" cascade; drop owned by \"{Owner}\" cascade; drop role if exists \"{App}\"; drop role if exists \"{Owner}\"", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>The Api helpers over this fixture's host.</summary>
    private sealed class HostedApi : AppFixture
    {
        public HostedApi(IAlbaHost host) => typeof(AppFixture).GetProperty(nameof(Host))!.SetValue(this, host);
    }
}

public class AppendOnlyTests(HardenedStoreFixture store) : IClassFixture<HardenedStoreFixture>
{
    private string Events => $"\"{store.Schema}\".mt_events";

    private async Task<PostgresException> Refused(string role, string sql)
    {
        await using var connection = new NpgsqlConnection(store.ConnectionAs(role));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task The_application_role_appends_and_reads_but_cannot_update_delete_or_truncate_the_log()
    {
        // The application keeps working: start a stream, append to it (Marten moves mt_streams.version), read it, chain it.
        var id = (await store.Api.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created).Id;
        (await store.Api.Post($"/api/understandings/{id}/stage", new ChangeStage(PaxStage.Ceasefire, Given.Reported(), 1))).ShouldBe(HttpStatusCode.OK);
        (await store.Api.Get($"/api/understandings/{id}")).ShouldBe(HttpStatusCode.OK).Body!["version"]!.GetValue<int>().ShouldBe(2);
        await store.Host.Services.GetRequiredService<ChainWriter>().CatchUpAllAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        (await store.Api.Post("/api/audit/verify", new { })).ShouldBe(HttpStatusCode.OK).Body!["status"]!.GetValue<string>().ShouldBe("clean");

        // The three attempts, as the application's role: refused by the grants.
        (await Refused(store.App, $"update {Events} set data = '{{}}'")).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        (await Refused(store.App, $"delete from {Events}")).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        (await Refused(store.App, $"truncate {Events}")).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        (await Refused(store.App, $"update \"{store.Schema}\".mt_streams set type = 'forged'")).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        (await Refused(store.App, $"delete from \"{store.Schema}\".mt_streams")).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        (await Refused(store.App, $"delete from \"{store.Schema}\".audit_chain")).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);

        // Even the owner, who may do anything the grants allow, meets the trigger.
        (await Refused(store.Owner, $"update {Events} set data = '{{}}'")).MessageText.ShouldContain("append-only");
        (await Refused(store.Owner, $"delete from {Events}")).MessageText.ShouldContain("append-only");
        (await Refused(store.Owner, $"truncate {Events} cascade")).MessageText.ShouldContain("append-only");

        // Nothing changed: the application still reads both events.
        (await store.Api.StreamOf(id)).Count.ShouldBe(2);
        (await store.Api.Post($"/api/understandings/{id}/lifecycle", new ChangeLifecycle(Lifecycle.UnderNegotiation, null, Given.Reported(), 2))).ShouldBe(HttpStatusCode.OK);
        (await store.Api.StreamOf(id)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task The_application_role_freezes_a_release_in_a_throwaway_schema_of_its_own_and_cannot_change_it()
    {
        (await store.Api.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created);
        var release = (await store.Api.Post("/api/audit/releases", new { name = "hardened" })).ShouldBe(HttpStatusCode.Created).Body!;
        release["files"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "understandings.csv")!["rows"]!.GetValue<long>().ShouldBeGreaterThan(0);

        var releases = $"\"{store.Schema}\".audit_releases";
        (await Refused(store.App, $"update {releases} set manifest = '{{}}'")).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        (await Refused(store.App, $"delete from {releases}")).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        (await Refused(store.Owner, $"delete from {releases}")).MessageText.ShouldContain("append-only");
        (await store.Api.Get("/api/audit/releases/hardened")).ShouldBe(HttpStatusCode.OK);
    }
}
