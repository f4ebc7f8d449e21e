using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Negotiations.Hosting;

namespace Negotiations.Security;

/// <summary>
/// The one rule that decides which role a route needs, applied as the fallback policy, so that every
/// endpoint — including every one added later — requires a role unless it explicitly allows anonymous
/// callers (only /health and /health/database do): auditing routes need an auditor, other writes a monitor, reads a viewer.
/// </summary>
public sealed class RouteAccess : IAuthorizationRequirement
{
    public static string RoleFor(string method, PathString path) =>
        path.StartsWithSegments("/api/audit") ? Roles.Auditor
        : HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) ? Roles.Viewer
        : Roles.Monitor;

    /// <summary>Grants a route to a caller with its role, or to anyone when it is the configured anonymous role (e.g. viewer for a public dashboard).</summary>
    public sealed class Grant(IOptionsMonitor<NegotiationsSettings> settings) : AuthorizationHandler<RouteAccess>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RouteAccess requirement)
        {
            if (context.Resource is not HttpContext http) return Task.CompletedTask;
            var role = RoleFor(http.Request.Method, http.Request.Path);
            if (context.User.IsInRole(role) || settings.CurrentValue.AnonymousRole == role) context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }
}
