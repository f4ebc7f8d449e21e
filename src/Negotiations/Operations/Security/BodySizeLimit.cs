using Microsoft.AspNetCore.Http.Features;
using Negotiations.Kernel;
using Microsoft.Extensions.Options;

namespace Negotiations.Operations.Security;

/// <summary>
/// Commands are small: a body over Limits:MaxBodyBytes is a 413 before anything reads it. Only the
/// import, which streams a field report, may send up to Limits:MaxImportBytes.
/// </summary>
public sealed class BodySizeLimit(RequestDelegate next, IOptionsMonitor<LimitSettings> limits)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.Request.Path.StartsWithSegments("/api/import") ? limits.CurrentValue.MaxImportBytes : limits.CurrentValue.MaxBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        if (context.Request.ContentLength > limit)
        {
            await ProblemResponse.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"This request may carry at most {limit} bytes; nothing was recorded.");
            return;
        }
        await next(context);
    }
}
