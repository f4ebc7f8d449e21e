using Microsoft.AspNetCore.Authorization;
using Negotiations.Operations.Settings;
using Microsoft.Extensions.Options;

namespace Negotiations.Operations.Security;

/// <summary>
/// The one rule that decides which role a route needs, applied as the fallback policy, so that every
/// endpoint — including every one added later — requires a role unless it explicitly allows anonymous
/// callers (only /health and /health/database do): auditing routes need an auditor (but the signed checkpoint, its key
/// and the releases' manifests, which are published), other writes a monitor, reads a viewer.
/// </summary>
public sealed class RouteAccess : IAuthorizationRequirement
{
    public static string RoleFor(string method, PathString path) =>
        IsPublished(method, path) ? Roles.Viewer
        : path.StartsWithSegments("/api/audit") ? Roles.Auditor
        : HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) ? Roles.Viewer
        : Roles.Monitor;

    /// <summary>
    /// The signed checkpoint and its key are for anyone who may read: an outsider checks the log against them. So are the
    /// releases and each release's manifest, which cite the record; their exports and diffs hold the audit's detail.
    /// </summary>
    private static bool IsPublished(string method, PathString path) =>
        HttpMethods.IsGet(method) && (path.Equals("/api/audit/checkpoint") || path.Equals("/api/audit/checkpoint/key")
            || (path.StartsWithSegments("/api/audit/releases", out var rest) && rest.Value!.TrimEnd('/').Count(c => c == '/') <= 1));

    /// <summary>
    /// Grants a route to a caller with its role, or to a caller without credentials when it is the configured anonymous
    /// role (e.g. viewer for a public dashboard). A caller whose key or token was refused is not anonymous: it is
    /// challenged (401), so that a mistyped or revoked key is noticed rather than served as nobody's.
    /// </summary>
    public sealed class Grant(IOptionsMonitor<NegotiationsSettings> settings) : AuthorizationHandler<RouteAccess>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RouteAccess requirement)
        {
            if (context.Resource is not HttpContext http) return Task.CompletedTask;
            var role = RoleFor(http.Request.Method, http.Request.Path);
            var refused = context.User.Identity?.IsAuthenticated != true && !string.IsNullOrWhiteSpace(http.Request.Headers.Authorization.ToString());
            if (context.User.IsInRole(role) || (!refused && settings.CurrentValue.AnonymousRole == role)) context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }
}
