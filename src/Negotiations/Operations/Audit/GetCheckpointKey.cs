using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Operations.Audit;

public static class GetCheckpointKeyEndpoint
{
    /// <summary>The key that checks signed checkpoints, in the note verifier format: name+keyid+base64(0x01 || Ed25519 public key).</summary>
    [WolverineGet("/api/audit/checkpoint/key", OperationId = "GetCheckpointKey"), Tags("Audit")]
    [EndpointSummary("Read the verifier key of the signed checkpoints")]
    [ProducesResponseType(typeof(string), StatusCodes.Status200OK, "text/plain")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Results<ContentHttpResult, ProblemHttpResult> Get(CheckpointSigner signer) =>
        signer.VerifierKey is { } key ? TypedResults.Text(key + "\n", "text/plain; charset=utf-8") : GetCheckpointNoteEndpoint.Unsigned;
}
