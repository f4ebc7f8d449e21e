using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Negotiations.Operations.Releases;

public static class ListReleasesEndpoint
{
    /// <summary>Every release, the earliest tree first.</summary>
    [WolverineGet("/api/audit/releases", OperationId = "ListReleases"), Tags("Audit")]
    [EndpointSummary("List the releases of the record")]
    public static async Task<Ok<IReadOnlyList<ReleaseSummary>>> Get(ReleaseRegister register, CancellationToken cancellation) =>
        TypedResults.Ok(await register.ListAsync(cancellation));
}
