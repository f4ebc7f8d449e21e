using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Negotiations.Operations.Hosting;

/// <summary>
/// Starting a stream with an id that is taken, or appending at a version someone else appended at first, found at
/// the commit: a conflict, not a server error. Nothing of the request was committed.
/// </summary>
public sealed class StreamCollisionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ExistingStreamIdCollisionException collision => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Id already taken",
                Detail = $"A stream with id {collision.Id} already exists; nothing was appended."
            },
            JasperFx.ConcurrencyException concurrency => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Version conflict",
                Detail = $"Someone recorded a development for stream {concurrency.Id} after the version this request read; " +
                         "nothing was appended. Read it again and decide on the current state."
            },
            _ => null
        };
        if (problem is null) return false;
        context.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem });
    }
}
