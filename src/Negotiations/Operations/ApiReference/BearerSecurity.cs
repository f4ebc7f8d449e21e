using Microsoft.AspNetCore.Authorization;
using Negotiations.Operations.Settings;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Negotiations.Operations.Security;

namespace Negotiations.Operations.ApiReference;

/// <summary>
/// The document declares how a caller authenticates (`Authorization: Bearer &lt;key&gt;`, an API key or, when an
/// authority is configured, a JWT) and, per operation, the role <see cref="RouteAccess"/> requires, as the role
/// names OpenAPI 3.1 allows in a bearer requirement. An operation open to callers without a key (it allows
/// anonymous callers, or needs the configured anonymous role) also lists the empty requirement.
/// </summary>
public sealed class BearerSecurity(IOptionsMonitor<NegotiationsSettings> settings) : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeName = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.AddComponent<IOpenApiSecurityScheme>(SchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key (its SHA-256 configured under Negotiations:ApiKeys, with its user and roles), or a JWT from the identity "
                          + "provider configured under Negotiations:Jwt. Each operation names the role it needs: monitor for commands and the import, "
                          + "auditor for /api/audit, viewer for other reads.",
        });
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Security ??= [];
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security.Add(new OpenApiSecurityRequirement());
            return Task.CompletedTask;
        }
        var role = RouteAccess.RoleFor(context.Description.HttpMethod ?? HttpMethods.Get, "/" + context.Description.RelativePath?.TrimStart('/'));
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [role] });
        if (settings.CurrentValue.AnonymousRole == role) operation.Security.Add(new OpenApiSecurityRequirement());
        return Task.CompletedTask;
    }
}
