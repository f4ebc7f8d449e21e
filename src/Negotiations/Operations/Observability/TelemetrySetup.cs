using JasperFx.OpenTelemetry;
using Marten;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Negotiations.Operations.Observability;

/// <summary>
/// OpenTelemetry traces and metrics of ASP.NET Core, Npgsql, Marten, Wolverine and the product's own
/// meter; exported over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set, and always readable as
/// Prometheus text at /metrics (a viewer's read, like every other).
/// Without an OTLP endpoint the spans of Npgsql, Marten and Wolverine would go nowhere, yet recording them
/// cost a command a third of its throughput (tests/Negotiations.Benchmarks/README.md): then only the request's
/// own activity is kept, which is all the correlation id needs.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "Negotiations";
    public const string MetricsPath = "/metrics";
    private static readonly string[] Sources = ["Npgsql", "Marten", "Wolverine", ProjectionLag.MeterName];

    public static bool Exporting(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static WebApplicationBuilder AddNegotiationsTelemetry(this WebApplicationBuilder builder)
    {
        var exporting = Exporting(builder.Configuration);
        builder.Services.ConfigureMarten(options =>
        {
            if (exporting) options.OpenTelemetry.TrackConnections = TrackLevel.Normal;
            options.OpenTelemetry.TrackEventCounters();
        });
        builder.Services.AddOptions<TelemetrySettings>().BindConfiguration(TelemetrySettings.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ProjectionLag>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ProjectionLag>());

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments(MetricsPath));
                if (exporting) tracing.AddSource(Sources);
            })
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(Sources)
                .AddPrometheusExporter());
        if (exporting) telemetry.UseOtlpExporter();
        return builder;
    }

    public static WebApplication UseNegotiationsTelemetry(this WebApplication app)
    {
        app.UseMiddleware<CorrelationHeader>();
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }
}
