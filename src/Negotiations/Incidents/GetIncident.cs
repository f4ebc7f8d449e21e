using System.ComponentModel;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Incidents;

public static class GetIncidentEndpoint
{
    /// <summary>The incident as it stands now (retracted: it says so), at a stream version, or as recorded up to a moment (knownAt).</summary>
    [WolverineGet("/api/incidents/{incidentId}", OperationId = "GetIncident"), Tags("Incidents")]
    [EndpointSummary("Read an incident: what happened, where (GeoJSON, with its precision), who took part")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<Results<StreamedDocument<Incident>, Ok<Incident>, ProblemHttpResult>> Get(
        Guid incidentId, IQuerySession session, CancellationToken cancellation,
        [FromQuery, Description(TimeAxes.Version)] long? version = null,
        [FromQuery, Description(TimeAxes.KnownAt)] DateTimeOffset? knownAt = null) =>
        StreamReads.ReadAsync<Incident>(session, incidentId, version, knownAt, "incident", cancellation);
}
