using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Operations.Releases;

public static class GetReleaseEndpoint
{
    /// <summary>A release as frozen, which is its manifest: tree size, sequence, root hash, signed checkpoint, codebook, notes and the SHA-256 of each file of its export.</summary>
    [WolverineGet("/api/audit/releases/{name}", OperationId = "GetRelease"), Tags("Audit")]
    [EndpointSummary("Read a release: its signed checkpoint, codebook version, notes and the hashes of its export")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<Release>, ProblemHttpResult>> Get(string name, ReleaseRegister register, CancellationToken cancellation) =>
        await register.FindAsync(name, cancellation) is { } release ? TypedResults.Ok(release) : Unknown(name);

    internal static ProblemHttpResult Unknown(string name) =>
        TypedResults.Problem($"No release is called {name} (GET /api/audit/releases lists them).", statusCode: 404, title: "Unknown release");
}
