using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Operations.Audit;

/// <summary>Checkpoints an auditor kept outside the database (from GET /api/audit/checkpoints/latest or the checkpoint command).</summary>
public sealed record VerifyChain(IReadOnlyList<Checkpoint>? Checkpoints = null)
{
    public ProblemDetails Validate()
    {
        var problems = new Problems();
        for (var i = 0; i < (Checkpoints?.Count ?? 0); i++)
        {
            var c = Checkpoints![i];
            if (c is null) { problems.Add($"checkpoints[{i}]", "A checkpoint cannot be null."); continue; }
            problems.When(c.Sequence < 1, $"checkpoints[{i}].sequence", "Sequences start at 1.");
            problems.When(c.Count < 1, $"checkpoints[{i}].count", "A checkpoint covers at least one event.");
            problems.When(c.HeadHash is not { Length: ChainHash.Size * 2 } || !c.HeadHash.All(Uri.IsHexDigit),
                $"checkpoints[{i}].headHash", "A SHA-256 in hexadecimal (64 characters).");
        }
        return problems.Result();
    }
}

public static class VerifyChainEndpoint
{
    public static ProblemDetails Validate(VerifyChain command) => command.Validate();

    /// <summary>
    /// Recomputes the hash chain from the event log and checks it against the stored links and checkpoints and
    /// the checkpoints given; names the first bad sequence. Answers 200 either way: status is clean or tampered.
    /// </summary>
    [WolverinePost("/api/audit/verify", OperationId = "VerifyChain"), Tags("Audit")]
    [EndpointSummary("Verify that the event log was not edited, deleted, reordered, inserted into or truncated")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<Ok<VerifyReport>> Post(VerifyChain command, ChainVerifier verifier, CancellationToken cancellation) =>
        TypedResults.Ok(await verifier.VerifyAsync(command.Checkpoints ?? [], cancellation));
}
