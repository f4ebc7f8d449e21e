using System.Security.Claims;
using Negotiations.Operations.Settings;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Negotiations.Operations.Security;

/// <summary>How much one caller may ask for: requests per second per key (token bucket) and request body size.</summary>
public sealed class LimitSettings
{
    /// <summary>Requests a caller may make in a burst; it refills at PermitsPerSecond.</summary>
    public int Burst { get; set; } = 200;

    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>Largest request body of a command, in bytes (a field report for the import may be larger).</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest field report the import accepts, in bytes.</summary>
    public long MaxImportBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Most lines one import request applies; the lines after it are not read (the command line has no such limit).</summary>
    public int MaxImportLines { get; set; } = 100_000;
}

public static class AbuseLimits
{
    /// <summary>
    /// ASP.NET Core's rate limiter, one token bucket per caller (the authenticated user, else the remote
    /// address), so one abusive key cannot starve the others; a refusal is a 429 ProblemDetails with Retry-After.
    /// </summary>
    public static WebApplicationBuilder AddNegotiationsLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection($"{NegotiationsSettings.Section}:Limits").Get<LimitSettings>() ?? new();
        builder.Services.Configure<LimitSettings>(builder.Configuration.GetSection($"{NegotiationsSettings.Section}:Limits"));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = limits.MaxImportBytes);
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetTokenBucketLimiter(Caller(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst,
                    TokensPerPeriod = limits.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true
                }));
            options.OnRejected = async (rejected, cancellation) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                await response.WriteAsJsonAsync(new ProblemDetails
                {
                    Status = 429, Title = "Too many requests",
                    Detail = $"This caller may make {limits.PermitsPerSecond} requests a second (bursts of {limits.Burst}); try again after Retry-After seconds."
                }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellation);
            };
        });
        return builder;
    }

    private static string Caller(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? "user:" + context.User.FindFirstValue(ClaimTypes.Name)
            : "address:" + context.Connection.RemoteIpAddress;
}
