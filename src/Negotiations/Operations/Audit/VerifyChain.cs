using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Operations.Audit;

/// <summary>
/// Checkpoints an auditor kept outside the database (from GET /api/audit/checkpoints/latest or the checkpoint command),
/// and signed checkpoints (C2SP signed notes from GET /api/audit/checkpoint).
/// </summary>
public sealed record VerifyChain(IReadOnlyList<Checkpoint>? Checkpoints = null, IReadOnlyList<string>? Notes = null)
{
    public const int MaxNoteLength = 4096;

    /// <summary>The notes, each opened with this log's key: the problems name any that is not a checkpoint signed by it.</summary>
    public List<(string Name, CheckpointBody Body)> Signed(CheckpointSigner signer, Problems problems)
    {
        var signed = new List<(string, CheckpointBody)>();
        for (var i = 0; i < (Notes?.Count ?? 0); i++)
        {
            var field = $"notes[{i}]";
            if (signer.VerifierKey is null) { problems.Add(field, "This server signs no checkpoints (no Audit:SigningKey): it has no key to check a note with."); break; }
            if (Notes![i] is not { Length: > 0 and <= MaxNoteLength } note) { problems.Add(field, $"A signed note of at most {MaxNoteLength} characters."); continue; }
            var text = SignedNote.Verify(note, signer.VerifierKey, out var why);
            var body = text is null ? null : CheckpointBody.Parse(text);
            if (text is null) problems.Add(field, $"Not signed by this log's key: {why}");
            else if (body is null || body.Origin != signer.Origin) problems.Add(field, $"Not a checkpoint of this log ({signer.Origin}): origin, tree size and root hash, one per line.");
            else signed.Add((field, body));
        }
        return signed;
    }

    public ProblemDetails Validate(CheckpointSigner signer)
    {
        var problems = new Problems();
        Signed(signer, problems);
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
    public static ProblemDetails Validate(VerifyChain command, CheckpointSigner signer) => command.Validate(signer);

    /// <summary>
    /// Recomputes the hash chain and the Merkle tree from the event log and checks them against the stored links and
    /// checkpoints, the checkpoints given and the signed checkpoints given (and those against each other: a fork);
    /// names the first bad sequence. Answers 200 either way: status is clean or tampered.
    /// </summary>
    [WolverinePost("/api/audit/verify", OperationId = "VerifyChain"), Tags("Audit")]
    [EndpointSummary("Verify that the event log was not edited, deleted, reordered, inserted into or truncated")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<Ok<VerifyReport>> Post(VerifyChain command, ChainVerifier verifier, CheckpointSigner signer, CancellationToken cancellation) =>
        TypedResults.Ok(await verifier.VerifyAsync(command.Checkpoints ?? [], cancellation, signed: command.Signed(signer, new Problems())));
}
