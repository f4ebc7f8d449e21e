using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Casualties;

public static class GetCasualtyClaimEndpoint
{
    /// <summary>One source's claim: its latest figures, the history of its revisions and who disputes it.</summary>
    [WolverineGet("/api/casualty-claims/{claimId}", OperationId = "GetCasualtyClaim"), Tags("Casualties")]
    [EndpointSummary("Read a casualty claim")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<CasualtyClaim>, ProblemHttpResult>> Get(Guid claimId, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<CasualtyClaim>(claimId, cancellation) is { } claim
            ? TypedResults.Ok(claim)
            : TypedResults.Problem($"No casualty claim has id {claimId}.", statusCode: 404, title: "Unknown casualty claim");
}
