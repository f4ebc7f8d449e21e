using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.Http.Json;
using Negotiations.Health;
using Scalar.AspNetCore;
using Wolverine;
using Wolverine.Http;

namespace Negotiations.Hosting;

public static class ApiSetup
{
    public static WebApplicationBuilder AddNegotiationsApi(this WebApplicationBuilder builder)
    {
        builder.Host.UseWolverine(options =>
        {
            options.Policies.AutoApplyTransactions();
            options.EnableRelayOfUserName = true;
            options.CodeGeneration.TypeLoadMode = TypeLoadMode.Dynamic;
            options.Discovery.IncludeAssembly(typeof(ApiSetup).Assembly);
        });

        builder.Services.AddWolverineHttp();
        builder.Services.Configure<JsonOptions>(o => StoreSetup.ConfigureJson(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<StreamCollisionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddSingleton<DatabaseHealthCheck>();
        return builder;
    }

    public static WebApplication UseNegotiationsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RecordedByMiddleware>();

        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHealthChecks("/health", HealthResponse.Options);
        app.MapWolverineEndpoints(options =>
        {
            options.MapConcurrencyFailuresToConflict();
        });
        return app;
    }
}
