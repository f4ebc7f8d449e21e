using System.ComponentModel;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Understandings;

public static class GetUnderstandingEndpoint
{
    /// <summary>
    /// The understanding as it stands now, or as it stood at a stream version, or as it was recorded up to a
    /// moment (knownAt: the events recorded by then).
    /// </summary>
    [WolverineGet("/api/understandings/{understandingId}", OperationId = "GetUnderstanding"), Tags("Understandings")]
    [EndpointSummary("Read an understanding, now, at a version or as recorded up to a moment (knownAt)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<Results<StreamedDocument<UnderstandingDetails>, Ok<UnderstandingDetails>, ProblemHttpResult>> Get(
        Guid understandingId, IQuerySession session, CancellationToken cancellation,
        [FromQuery, Description(TimeAxes.Version)] long? version = null,
        [FromQuery, Description(TimeAxes.KnownAt)] DateTimeOffset? knownAt = null) =>
        StreamReads.ReadAsync<UnderstandingDetails>(session, understandingId, version, knownAt, "understanding", cancellation);
}
