
namespace Negotiations.Hosting;

/// <summary>
/// A command body of JSON <c>null</c> parses into no command at all, which every handler would trip over:
/// it is a 400 here, before anything reads it. Any JSON text whose first token starts with 'n' is null or
/// not JSON, so a peek at the first non-blank byte is enough; the body is left for the endpoint to read.
/// </summary>
public sealed class NullBodyGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/api/import")
            && await FirstTokenByteAsync(request, context.RequestAborted) == (byte)'n')
        {
            await ProblemResponse.WriteAsync(context, StatusCodes.Status400BadRequest, "The body is not a command",
                "The body must be a JSON object naming the command's fields; it is null or not JSON. Nothing was recorded.");
            return;
        }
        await next(context);
    }

    private static async Task<int> FirstTokenByteAsync(HttpRequest request, CancellationToken cancellation)
    {
        request.EnableBuffering();
        var buffer = new byte[256];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellation)) > 0)
                foreach (var b in buffer.AsSpan(0, read))
                    if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return b;
            return -1;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
