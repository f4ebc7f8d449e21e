using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Queries;
using Wolverine.Http;

namespace Negotiations.Understandings;

public static class GetUnderstandingEndpoint
{
    /// <summary>
    /// The understanding as it stands now, or as it stood at a stream version, or as it was recorded at a
    /// point in time (events recorded up to then).
    /// </summary>
    [WolverineGet("/api/understandings/{understandingId}", OperationId = "GetUnderstanding"), Tags("Understandings")]
    [EndpointSummary("Read an understanding, now, at a version or as recorded at a time")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<Results<Ok<Understanding>, ProblemHttpResult>> Get(
        Guid understandingId, IQuerySession session, CancellationToken cancellation,
        [FromQuery] long? version = null, [FromQuery] DateTimeOffset? asOf = null) =>
        StreamReads.ReadAsync<Understanding>(session, understandingId, version, asOf, "understanding", cancellation);
}
