using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Negotiations.Hosting;

/// <summary>
/// Until callers authenticate, every request acts as the configured monitor, so that Wolverine relays
/// a user name into Marten's recorded-by metadata. Clients cannot choose it.
/// </summary>
public sealed class RecordedByMiddleware(RequestDelegate next, IOptions<NegotiationsSettings> settings)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, settings.Value.RecordedBy)], "configured");
            context.User = new ClaimsPrincipal(identity);
        }
        return next(context);
    }
}
