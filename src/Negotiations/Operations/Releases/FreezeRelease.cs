using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Negotiations.Operations.Audit;
using Wolverine.Http;

namespace Negotiations.Operations.Releases;

/// <summary>
/// Freezes the record as it stands at a signed checkpoint under a name it is cited by ("2025-09", "v1"): the tree
/// of <see cref="TreeSize"/> events (by default the whole log, checkpointed and signed now), with the auditor's notes.
/// </summary>
public sealed partial record FreezeRelease(string? Name = null, long? TreeSize = null, string? Notes = null)
{
    public const int MaxName = 64;
    public const int MaxNotes = 4000;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex NameRule();

    public ProblemDetails Validate()
    {
        var problems = new Problems().Text("name", Name, max: MaxName).Text("notes", Notes, required: false, max: MaxNotes);
        problems.When(Name is { Length: > 0 and <= MaxName } && !NameRule().IsMatch(Name), "name",
            "Letters, digits, '.', '-' and '_', starting with a letter or digit: it names the release in URLs and file names.");
        problems.When(TreeSize < 1, "treeSize", "A release holds at least one event.");
        return problems.Result();
    }
}

/// <summary>Freezes releases for the API and the command line alike.</summary>
public sealed class ReleaseFreezer(ReleaseRegister register, ReleaseExport export, ChainWriter writer, EventLog log, TimeProvider clock)
{
    /// <summary>The release, or why it cannot be frozen (a 400, 409 or 404 ProblemDetails).</summary>
    public async Task<(Release? Release, ProblemDetails? Problem)> FreezeAsync(FreezeRelease command, string? frozenBy, TextWriter progress, CancellationToken cancellation)
    {
        var name = command.Name!;
        if (await register.FindAsync(name, cancellation) is { } existing) return (null, Exists(existing));

        Checkpoint? checkpoint;
        if (command.TreeSize is { } size)
        {
            await using var connection = await log.OpenAsync(cancellation);
            checkpoint = await Checkpoints.AtAsync(log, connection, size, cancellation);
            if (checkpoint?.Note is null)
                return (null, new Problems().Add("treeSize", $"No signed checkpoint has tree size {size}: give the size of one (GET /api/audit/checkpoint), " +
                    "or leave treeSize out to sign the whole log now.").Result());
        }
        else
        {
            checkpoint = await writer.CheckpointNowAsync(cancellation);
            if (checkpoint is null) return (null, new ProblemDetails { Status = 409, Title = "Nothing to release", Detail = "The event log is empty." });
            if (checkpoint.Note is null)
                return (null, new ProblemDetails { Status = 409, Title = "Checkpoints are not signed",
                    Detail = "A release is cut at a signed checkpoint, and this server has no signing key (Audit:SigningKey, Audit__SigningKey)." });
        }

        // To the microsecond, as PostgreSQL keeps it: the manifest states what the table holds.
        var now = clock.GetUtcNow();
        var frozen = new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero);
        var cut = new ReleaseExport.Cut(checkpoint.Count, checkpoint.Sequence, checkpoint.Note, DateOnly.FromDateTime(frozen.UtcDateTime));
        var files = await export.WriteAsync(cut, _ => Stream.Null, progress, cancellation);
        var release = new Release(name, checkpoint.Count, checkpoint.Sequence, checkpoint.RootHash!, Codebook.Version, command.Notes, frozen, frozenBy, checkpoint.Note, files);
        return await register.TryAddAsync(release, cancellation)
            ? (release, null)
            : (null, Exists(await register.FindAsync(name, cancellation) ?? release));
    }

    private static ProblemDetails Exists(Release existing) => new()
    {
        Status = 409,
        Title = "The release exists",
        Detail = $"A release named {existing.Name} was frozen at {existing.Frozen:u} with tree size {existing.TreeSize}; a release never changes: freeze another name."
    };
}

public static class FreezeReleaseEndpoint
{
    public static ProblemDetails Validate(FreezeRelease command) => command.Validate();

    /// <summary>
    /// Freezes a release: the first treeSize events of the log (by default all of it, checkpointed and signed now), its
    /// signed checkpoint, the codebook version, the notes, and the SHA-256 of every file of its export (events as JSON
    /// Lines, each read model as CSV rebuilt from those events alone). Takes as long as rebuilding every projection.
    /// </summary>
    [WolverinePost("/api/audit/releases", OperationId = "FreezeRelease"), Tags("Audit")]
    [EndpointSummary("Freeze a release of the record at a signed checkpoint, with the hashes of its export")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<Results<Created<Release>, ProblemHttpResult>> Post(FreezeRelease command, ReleaseFreezer freezer, HttpContext context, CancellationToken cancellation)
    {
        var (release, problem) = await freezer.FreezeAsync(command, context.User.Identity?.Name, TextWriter.Null, cancellation);
        return release is not null
            ? TypedResults.Created($"/api/audit/releases/{release.Name}", release)
            : TypedResults.Problem(problem!);
    }
}
