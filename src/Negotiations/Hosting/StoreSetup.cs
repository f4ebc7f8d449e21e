using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx;
using Weasel.Core;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Negotiations.CommandLine;
using Npgsql;
using Wolverine;
using Wolverine.Marten;

namespace Negotiations.Hosting;

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
            // Read before Build(): set Negotiations__Daemon in the environment (or appsettings) of every node. A command
            // that does not need the projections current leaves them to the serving nodes (ExternallyManaged: no daemon here).
            .AddAsyncDaemon(builder.Command() is { RunsDaemon: false }
                ? DaemonMode.ExternallyManaged
                : builder.Configuration.GetValue($"{NegotiationsSettings.Section}:Daemon", DaemonMode.Solo))
            .IntegrateWithWolverine();

        return builder;
    }

    /// <summary>The store's whole configuration for one schema: the application's, and a replay's throwaway copy.</summary>
    public static StoreOptions CreateStoreOptions(string connectionString, string schema)
    {
        var options = new StoreOptions();
        options.Connection(connectionString);
        options.DatabaseSchemaName = schema;
        options.Events.DatabaseSchemaName = schema;
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, ConfigureJson);

        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.Events.MetadataConfig.HeadersEnabled = true;

        options.ConfigureNegotiationsModel();
        options.ConfigureDaemon();
        return options;
    }

    /// <summary>
    /// One JSON dialect for stored events, documents and the HTTP API: camelCase, enums as kebab-case words except the
    /// Admiralty reliability grade, written as the scale's capital letter ("B"), numbers as JSON numbers only (the web
    /// defaults would also read "3" as 3, and the API document would say so). Enum names read in either case, so
    /// events stored with the grade in lower case read as before.
    /// </summary>
    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.NumberHandling = JsonNumberHandling.Strict;
        // First, so that it wins over the converter Marten adds for EnumStorage.AsString.
        json.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        json.Converters.Insert(0, new JsonStringEnumConverter<Sources.Reliability>(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
    }
}
