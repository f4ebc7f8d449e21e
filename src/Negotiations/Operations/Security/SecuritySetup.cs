using Microsoft.AspNetCore.Authentication;
using Negotiations.Operations.Settings;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace Negotiations.Operations.Security;

public static class SecuritySetup
{
    private const string KeyOrJwt = "KeyOrJwt";

    /// <summary>API keys always; JWTs from an external identity provider when Negotiations:Jwt:Authority is set. Both feed the same roles.</summary>
    public static WebApplicationBuilder AddNegotiationsSecurity(this WebApplicationBuilder builder)
    {
        var jwt = builder.Configuration.GetSection($"{NegotiationsSettings.Section}:Jwt").Get<JwtSettings>() ?? new();
        var authentication = builder.Services.AddAuthentication(KeyOrJwt)
            .AddPolicyScheme(KeyOrJwt, "API key or JWT", o => o.ForwardDefaultSelector = context =>
                jwt.Authority is not null && BearerToken(context)?.Count(c => c == '.') == 2
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        if (jwt.Authority is not null)
            authentication.AddJwtBearer(o =>
            {
                o.Authority = jwt.Authority;
                o.Audience = jwt.Audience;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.RoleClaimType = jwt.RoleClaim;
                o.TokenValidationParameters.NameClaimType = "sub";
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new RouteAccess()).Build());
        builder.Services.AddSingleton<IAuthorizationHandler, RouteAccess.Grant>();
        return builder;
    }

    private static string? BearerToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
