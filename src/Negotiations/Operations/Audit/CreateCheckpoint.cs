using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Operations.Audit;

public static class CreateCheckpointEndpoint
{
    /// <summary>
    /// Chains every event appended so far and stores a checkpoint at the head (signed when the server has a signing
    /// key), without waiting for the next periodic one: proofs for the events just appended can then be checked
    /// against a signed note. Answers the checkpoint; the same head again answers the checkpoint already there.
    /// </summary>
    [WolverinePost("/api/audit/checkpoints", OperationId = "CreateCheckpoint"), Tags("Audit")]
    [EndpointSummary("Checkpoint the event log now: chain what was appended and sign the tree's head")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<Checkpoint>, ProblemHttpResult>> Post(ChainWriter writer, CancellationToken cancellation) =>
        await writer.CheckpointNowAsync(cancellation) is { } checkpoint
            ? TypedResults.Ok(checkpoint)
            : TypedResults.Problem(statusCode: 404, title: "No checkpoint yet", detail: "The event log is empty: there is nothing to checkpoint.");
}
