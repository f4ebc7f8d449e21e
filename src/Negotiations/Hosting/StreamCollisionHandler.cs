using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Negotiations.Hosting;

/// <summary>Starting a stream with an id that is taken is a conflict, not a server error.</summary>
public sealed class StreamCollisionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ExistingStreamIdCollisionException collision) return false;
        context.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Id already taken",
                Detail = $"A stream with id {collision.Id} already exists; nothing was appended."
            }
        });
    }
}
