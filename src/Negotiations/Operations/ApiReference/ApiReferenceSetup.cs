using Scalar.AspNetCore;

namespace Negotiations.Operations.ApiReference;

/// <summary>The OpenAPI document at /openapi/v1.json and the Scalar reference over it at /scalar.</summary>
public static class ApiReferenceSetup
{
    public static IServiceCollection AddNegotiationsApiReference(this IServiceCollection services) =>
        services.AddOpenApi(o => o
            .AddDocumentTransformer<BearerSecurity>()
            .AddOperationTransformer<BearerSecurity>()
            .AddDocumentTransformer<ServerUrls>()
            .AddOperationTransformer<CommandExamples>()
            .AddSchemaTransformer<OccurrenceSchema>()
            .AddSchemaTransformer<GeometrySchema>());

    public static WebApplication MapNegotiationsApiReference(this WebApplication app)
    {
        app.MapOpenApi();
        // The reference sends the key its reader types in as the bearer token; it loads nothing from outside the application.
        app.MapScalarApiReference(o => o
            .AddPreferredSecuritySchemes(BearerSecurity.SchemeName)
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp());
        return app;
    }
}
