using System.ComponentModel;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Rounds;

public static class GetRoundEndpoint
{
    /// <summary>What readers see of the round as it stands now, or as it stood at a stream version, or as recorded up to a moment (knownAt).</summary>
    [WolverineGet("/api/rounds/{roundId}", OperationId = "GetRound"), Tags("Rounds")]
    [EndpointSummary("Read a negotiation round, now, at a version or as recorded up to a moment (knownAt)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<Results<StreamedDocument<RoundDetails>, Ok<RoundDetails>, ProblemHttpResult>> Get(
        Guid roundId, IQuerySession session, CancellationToken cancellation,
        [FromQuery, Description(TimeAxes.Version)] long? version = null,
        [FromQuery, Description(TimeAxes.KnownAt)] DateTimeOffset? knownAt = null) =>
        StreamReads.ReadAsync<RoundDetails>(session, roundId, version, knownAt, "round", cancellation);
}
