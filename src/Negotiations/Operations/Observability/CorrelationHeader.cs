using System.Diagnostics;

namespace Negotiations.Operations.Observability;

/// <summary>
/// Tells the caller the request's correlation id: its W3C trace id, which Wolverine stamps on every event the
/// request appends (Marten's correlation_id) and which every log line of the request carries in its scope (TraceId).
/// </summary>
public sealed class CorrelationHeader(RequestDelegate next)
{
    public const string Name = "X-Correlation-Id";

    public Task InvokeAsync(HttpContext context)
    {
        if (Activity.Current is { } activity) context.Response.Headers[Name] = activity.TraceId.ToHexString();
        return next(context);
    }
}
