using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Casualties;

public static class GetCasualtyClaimEndpoint
{
    /// <summary>One source's claim: its figures as published, the latest ones, its latest revisions and disputes, and how many of each.</summary>
    [WolverineGet("/api/casualty-claims/{claimId}", OperationId = "GetCasualtyClaim"), Tags("Casualties")]
    [EndpointSummary("Read a casualty claim")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<CasualtyClaimDetails>, ProblemHttpResult>> Get(Guid claimId, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<CasualtyClaimDetails>(claimId, cancellation) is { } claim
            ? TypedResults.Ok(claim)
            : TypedResults.Problem($"No casualty claim has id {claimId}.", statusCode: 404, title: "Unknown casualty claim");
}
