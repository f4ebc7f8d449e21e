using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Appointments;

public static class GetOfficeEndpoint
{
    /// <summary>The office with its current holder(s) and the holders before, each with from/to dates from the provenance.</summary>
    [WolverineGet("/api/offices/{officeId}", OperationId = "GetOffice"), Tags("Appointments")]
    [EndpointSummary("Read an office: who holds it and who held it before")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<OfficeDetails>, ProblemHttpResult>> Get(Guid officeId, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<OfficeDetails>(officeId, cancellation) is { } office
            ? TypedResults.Ok(office)
            : TypedResults.Problem($"Nobody has been appointed to an office with id {officeId}.", statusCode: 404, title: "Unknown office");
}
