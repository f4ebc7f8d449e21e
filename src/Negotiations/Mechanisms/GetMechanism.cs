using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Mechanisms;

public static class GetMechanismEndpoint
{
    /// <summary>The mechanism as it stands: current and former members, mandate, what it oversees, its latest meetings and reports.</summary>
    [WolverineGet("/api/mechanisms/{mechanismId}", OperationId = "GetMechanism"), Tags("Mechanisms")]
    [EndpointSummary("Read an oversight mechanism")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<MechanismDetails>, ProblemHttpResult>> Get(Guid mechanismId, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<MechanismDetails>(mechanismId, cancellation) is { } mechanism
            ? TypedResults.Ok(mechanism)
            : TypedResults.Problem($"No mechanism has id {mechanismId}.", statusCode: 404, title: "Unknown mechanism");
}
