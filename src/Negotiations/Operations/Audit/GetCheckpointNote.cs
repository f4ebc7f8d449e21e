using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Operations.Audit;

public static class GetCheckpointNoteEndpoint
{
    /// <summary>
    /// The latest signed checkpoint as a C2SP signed note: the log's origin, its tree size and its root hash (base64),
    /// a blank line and the Ed25519 signature line. Check it with the key from GET /api/audit/checkpoint/key.
    /// </summary>
    [WolverineGet("/api/audit/checkpoint", OperationId = "GetCheckpointNote"), Tags("Audit")]
    [EndpointSummary("Read the latest signed checkpoint of the event log's Merkle tree (C2SP signed note)")]
    [ProducesResponseType(typeof(string), StatusCodes.Status200OK, "text/plain")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Get(EventLog log, CheckpointSigner signer, CancellationToken cancellation)
    {
        if (signer.VerifierKey is null) return Unsigned;
        await log.EnsureAsync(cancellation);
        await using var connection = await log.OpenAsync(cancellation);
        return await Checkpoints.LatestNoteAsync(log, connection, cancellation) is { } note
            ? TypedResults.Text(note, "text/plain; charset=utf-8")
            : TypedResults.Problem(statusCode: 404, title: "No signed checkpoint yet", detail: "No checkpoint has been signed yet: none was taken since the signing key was set.");
    }

    internal static ProblemHttpResult Unsigned => TypedResults.Problem(statusCode: 404, title: "Checkpoints are not signed",
        detail: "This server has no signing key (Audit:SigningKey, Audit__SigningKey): its checkpoints are kept but not signed.");
}
