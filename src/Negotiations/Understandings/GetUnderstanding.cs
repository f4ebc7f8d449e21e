using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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
    public static async Task<Results<Ok<Understanding>, ProblemHttpResult>> Get(
        Guid understandingId, IQuerySession session, CancellationToken cancellation,
        [FromQuery] long? version = null, [FromQuery] DateTimeOffset? asOf = null)
    {
        if (version is not null && asOf is not null)
            return TypedResults.Problem("Give either version or asOf, not both.", statusCode: 400, title: "Choose one point of view");
        if (version is < 1)
            return TypedResults.Problem("version starts at 1.", statusCode: 400, title: "Invalid version");

        var understanding = version is not null || asOf is not null
            ? await session.Events.AggregateStreamAsync<Understanding>(understandingId, version ?? 0, asOf, token: cancellation)
            : await session.LoadAsync<Understanding>(understandingId, cancellation);

        return understanding is null
            ? TypedResults.Problem(
                version is null && asOf is null
                    ? $"No understanding has id {understandingId}."
                    : $"Understanding {understandingId} did not exist at that point.",
                statusCode: 404, title: "Unknown understanding")
            : TypedResults.Ok(understanding);
    }
}
