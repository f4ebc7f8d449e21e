using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Rounds;

public static class GetRoundEndpoint
{
    /// <summary>The round as it stands now, or as it stood at a stream version, or as it was recorded at a point in time.</summary>
    [WolverineGet("/api/rounds/{roundId}", OperationId = "GetRound"), Tags("Rounds")]
    [EndpointSummary("Read a negotiation round, now, at a version or as recorded at a time")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<Round>, ProblemHttpResult>> Get(
        Guid roundId, IQuerySession session, CancellationToken cancellation,
        [FromQuery] long? version = null, [FromQuery] DateTimeOffset? asOf = null)
    {
        if (version is not null && asOf is not null)
            return TypedResults.Problem("Give either version or asOf, not both.", statusCode: 400, title: "Choose one point of view");
        if (version is < 1)
            return TypedResults.Problem("version starts at 1.", statusCode: 400, title: "Invalid version");

        var round = version is not null || asOf is not null
            ? await session.Events.AggregateStreamAsync<Round>(roundId, version ?? 0, asOf, token: cancellation)
            : await session.LoadAsync<Round>(roundId, cancellation);

        return round is null
            ? TypedResults.Problem(
                version is null && asOf is null ? $"No round has id {roundId}." : $"Round {roundId} did not exist at that point.",
                statusCode: 404, title: "Unknown round")
            : TypedResults.Ok(round);
    }
}
