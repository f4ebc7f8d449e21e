using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx;
using Weasel.Core;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Negotiations.Kernel;
using Negotiations.Operations.Settings;
using Npgsql;
using Wolverine;
using Wolverine.Marten;

namespace Negotiations.Operations.Hosting;

public static class StoreSetup
{
    /// <summary>Marten (events and documents) with Wolverine's outbox and transactional middleware on the same database.</summary>
    public static WebApplicationBuilder AddNegotiationsStore(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<NegotiationsSettings>(builder.Configuration.GetSection(NegotiationsSettings.Section));

        // Read lazily: hosts built for tests override configuration after this method has run.
        builder.Services.AddMarten(services =>
            {
                var configuration = services.GetRequiredService<IConfiguration>();
                var settings = configuration.GetSection(NegotiationsSettings.Section).Get<NegotiationsSettings>() ?? new();
                var connectionString = DatabaseLocation.ConnectionString(configuration);

                var options = CreateStoreOptions(connectionString, settings.Schema);
                options.Logger(new StoreLog(services.GetRequiredService<ILogger<IDocumentStore>>()));
                return options;
            })
            .UseLightweightSessions()
            // Read before Build(): set Negotiations__Daemon in the environment (or appsettings) of every node; a command
            // that does not need the projections sets ExternallyManaged (no daemon here, see CommandLineHosting).
            .AddAsyncDaemon(builder.Configuration.GetValue($"{NegotiationsSettings.Section}:Daemon", DaemonMode.Solo))
            .IntegrateWithWolverine();

        return builder;
    }

    /// <summary>The store's whole configuration for one schema: the application's, and a replay's throwaway copy.</summary>
    /// <summary>Where the store lives, its JSON dialect and the event metadata it keeps: what every store of ours shares, the benchmarks' too.</summary>
    public static void ConfigureStorage(StoreOptions options, string connectionString, string schema)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = schema;
        options.Events.DatabaseSchemaName = schema;
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, JsonDialect.Configure);
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.Events.MetadataConfig.HeadersEnabled = true;
    }

    public static StoreOptions CreateStoreOptions(string connectionString, string schema)
    {
        var options = new StoreOptions();
        ConfigureStorage(options, connectionString, schema);

        options.ConfigureNegotiationsModel();
        options.ConfigureDaemon();
        return options;
    }
}
