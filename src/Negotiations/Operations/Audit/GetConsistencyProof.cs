using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Operations.Audit;

public static class GetConsistencyProofEndpoint
{
    /// <summary>
    /// That the tree of the first fromTreeSize leaves is a prefix of the tree of toTreeSize leaves (by default the latest checkpoint's):
    /// both roots and the RFC 9162 consistency path. Check the roots against two signed checkpoints of those sizes.
    /// </summary>
    [WolverineGet("/api/audit/proofs/consistency", OperationId = "GetConsistencyProof"), Tags("Audit")]
    [EndpointSummary("Prove that a later tree extends an earlier one (RFC 9162 consistency proof)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<Results<Ok<ConsistencyProof>, ProblemHttpResult>> Get(Proofs proofs, CancellationToken cancellation, [FromQuery] long? fromTreeSize = null, [FromQuery] long? toTreeSize = null)
    {
        var (proof, problems) = await proofs.ConsistencyAsync(fromTreeSize, toTreeSize, cancellation);
        return problems.Any ? TypedResults.Problem(problems.Invalid()) : TypedResults.Ok(proof!);
    }
}
