using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Operations.Audit;

public static class GetInclusionProofEndpoint
{
    /// <summary>
    /// That the event at a sequence is in the log: its leaf in the tree of treeSize leaves (by default the latest
    /// checkpoint's) and the RFC 9162 inclusion path to that tree's root. Check it against a signed checkpoint of the same size.
    /// </summary>
    [WolverineGet("/api/audit/proofs/inclusion/{sequence}", OperationId = "GetInclusionProof"), Tags("Audit")]
    [EndpointSummary("Prove that an event is in the log (RFC 9162 inclusion proof)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<InclusionProof>, ProblemHttpResult>> Get(long sequence, Proofs proofs, CancellationToken cancellation, [FromQuery] long? treeSize = null)
    {
        var (proof, problems) = await proofs.InclusionAsync(sequence, treeSize, cancellation);
        if (problems.Any) return TypedResults.Problem(problems.Invalid());
        return proof is null
            ? TypedResults.Problem($"No event at sequence {sequence} is in the log's tree (yet).", statusCode: 404, title: "Unknown sequence")
            : TypedResults.Ok(proof);
    }
}
