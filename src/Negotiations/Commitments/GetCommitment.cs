using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Commitments;

public static class GetCommitmentEndpoint
{
    /// <summary>What readers see of the commitment as it stands: deadline, assessment and standing with the developments that set them, the latest steps and breaches.</summary>
    [WolverineGet("/api/commitments/{commitmentId}", OperationId = "GetCommitment"), Tags("Commitments")]
    [EndpointSummary("Read a commitment")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<CommitmentDetails>, ProblemHttpResult>> Get(Guid commitmentId, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<CommitmentDetails>(commitmentId, cancellation) is { } commitment
            ? TypedResults.Ok(commitment)
            : TypedResults.Problem($"No commitment has id {commitmentId}.", statusCode: 404, title: "Unknown commitment");
}
