using Negotiations.Operations.Releases;
using Negotiations.Operations.Settings;
using Negotiations.ReadModels;
using Negotiations.Kernel;
using JasperFx.CodeGeneration;
using Negotiations.Operations.ApiReference;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Negotiations.Operations.Audit;
using Negotiations.Dashboard;
using Negotiations.Operations.Demo;
using Negotiations.ReadModels.Feed;
using Negotiations.Operations.Health;
using Negotiations.Operations.Import;
using Negotiations.Operations.Observability;
using Negotiations.Operations.Security;
using Wolverine;
using Wolverine.Http;
using Wolverine.Persistence;

namespace Negotiations.Operations.Hosting;

public static class ApiSetup
{
    public static WebApplicationBuilder AddNegotiationsApi(this WebApplicationBuilder builder)
    {
        builder.Host.UseWolverine(options =>
        {
            options.Policies.AutoApplyTransactions();
            options.EnableRelayOfUserName = true;
            options.Durability.EnableDeduplicatedResponses = true;
            // An unknown stream id is a 404 ProblemDetails naming it, never an empty 404.
            options.EntityDefaults.OnMissing = OnMissing.ProblemDetailsWith404;
            // Static by default: the generated handlers are committed (eventstore-scripts/codegen), so the first request
            // does not wait for Roslyn. Dynamic remains available for experiments (Negotiations__TypeLoadMode=Dynamic).
            options.CodeGeneration.TypeLoadMode = builder.Configuration.GetValue("Negotiations:TypeLoadMode", TypeLoadMode.Static);
            options.Discovery.IncludeAssembly(typeof(ApiSetup).Assembly);
        });

        builder.Services.AddWolverineHttp();
        builder.Services.Configure<JsonOptions>(o => JsonDialect.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemWording.Customize);
        builder.Services.AddExceptionHandler<StreamCollisionHandler>();
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        builder.Services.AddNegotiationsApiReference();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<ProjectionsHealthCheck>("projections");
        builder.Services.AddSingleton<DatabaseHealthCheck>();
        builder.Services.AddSingleton<ProjectionsHealthCheck>();
        builder.Services.AddSingleton<CommandCatalogue>();
        builder.Services.AddSingleton<FreshnessReader>();
        // The clock of queries that judge against today (overdue deadlines); tests replace it.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ImportRunner>();
        builder.Services.Configure<ImportSettings>(builder.Configuration.GetSection(ImportSettings.Section));
        builder.Services.AddSingleton<DemoScenario>();
        if (builder.Serves()) builder.Services.AddHostedService<DemoLoader>();
        builder.AddLiveFeed(serving: builder.Serves());
        builder.AddAudit();
        builder.AddReleases();
        builder.Services.AddSingleton<ScratchStoreOptions>(StoreSetup.CreateStoreOptions);
        // Not logged as errors: what an exception handler answered (a lost race is a 409), and a request the client gave
        // up on, whatever it was doing (Marten wraps the cancellation when it was creating a table): nobody reads that 500.
        builder.Services.Configure<ExceptionHandlerOptions>(o => o.SuppressDiagnosticsCallback = c =>
            c.ExceptionHandledBy == Microsoft.AspNetCore.Diagnostics.ExceptionHandledType.ExceptionHandlerService || c.HttpContext.RequestAborted.IsCancellationRequested);
        builder.AddNegotiationsDashboard();
        return builder;
    }

    public static WebApplication UseNegotiationsApi(this WebApplication app)
    {
        app.UseNegotiationsTelemetry();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodySizeLimit>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<EmptyIdGuard>();
        app.UseMiddleware<NulCharacterGuard>();
        app.UseMiddleware<QueryGuard>();
        app.UseMiddleware<CommandBodyGuard>();

        app.MapNegotiationsApiReference();
        app.MapHealthChecks("/health", HealthResponse.Options).AllowAnonymous();
        app.MapHealthChecks("/health/database", HealthResponse.DatabaseOnly).AllowAnonymous();
        app.MapWolverineEndpoints(options =>
        {
            options.MapConcurrencyFailuresToConflict();
            options.ConfigureEndpoints(IdempotencyPolicy.Apply);
            options.RejectUnparseableQueryValues = true;
        });
        app.UseNegotiationsDashboard();
        return app;
    }
}
