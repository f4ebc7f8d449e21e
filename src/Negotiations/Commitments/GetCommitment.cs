using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Commitments;

public static class GetCommitmentEndpoint
{
    /// <summary>The commitment as it stands: deadline, steps, latest assessment, standing and breaches.</summary>
    [WolverineGet("/api/commitments/{commitmentId}", OperationId = "GetCommitment"), Tags("Commitments")]
    [EndpointSummary("Read a commitment")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<Commitment>, ProblemHttpResult>> Get(Guid commitmentId, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<Commitment>(commitmentId, cancellation) is { } commitment
            ? TypedResults.Ok(commitment)
            : TypedResults.Problem($"No commitment has id {commitmentId}.", statusCode: 404, title: "Unknown commitment");
}
