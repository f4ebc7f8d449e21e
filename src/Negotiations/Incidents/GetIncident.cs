using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Incidents;

public static class GetIncidentEndpoint
{
    [WolverineGet("/api/incidents/{incidentId}", OperationId = "GetIncident"), Tags("Incidents")]
    [EndpointSummary("Read an incident: what happened, where (GeoJSON, with its precision), who took part")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<Incident>, ProblemHttpResult>> Get(Guid incidentId, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<Incident>(incidentId, cancellation) is { } incident
            ? TypedResults.Ok(incident)
            : TypedResults.Problem($"No incident has id {incidentId}.", statusCode: 404, title: "Unknown incident");
}
