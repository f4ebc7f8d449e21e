using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Operations.Releases;

public static class DiffReleasesEndpoint
{
    /// <summary>
    /// What changed in a release since an earlier one: every development added, corrected or retracted between their
    /// trees, by sequence, with its provenance; a correction or retraction names the development it took back and
    /// whether the earlier release held it (the revision notes of a dataset's new version).
    /// </summary>
    [WolverineGet("/api/audit/releases/{name}/diff", OperationId = "DiffReleases"), Tags("Audit")]
    [EndpointSummary("List the developments added, corrected and retracted in a release since an earlier one")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<ReleaseDiff>, ProblemHttpResult>> Get(string name, ReleaseRegister register, ReleaseChanges changes, CancellationToken cancellation,
        [FromQuery, Description("The earlier release's name")] string? since = null)
    {
        if (string.IsNullOrWhiteSpace(since)) return TypedResults.Problem(new Problems().Add("since", "Required: the name of the earlier release.").Invalid());
        if (await register.FindAsync(name, cancellation) is not { } release) return GetReleaseEndpoint.Unknown(name);
        if (await register.FindAsync(since, cancellation) is not { } earlier) return GetReleaseEndpoint.Unknown(since);
        if (ReleaseChanges.Refusal(earlier, release) is { } refused) return TypedResults.Problem(new Problems().Add("since", refused).Invalid());
        return TypedResults.Ok(await changes.BetweenAsync(earlier, release, cancellation));
    }
}
