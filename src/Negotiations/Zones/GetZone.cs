using System.ComponentModel;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Zones;

public static class GetZoneEndpoint
{
    /// <summary>
    /// The zone as it stands now (rules, where each party stands on each weapon class with the latest finding, the
    /// latest violation reports with their status), or as it stood at a stream version, or as recorded up to a moment (knownAt).
    /// </summary>
    [WolverineGet("/api/zones/{zoneId}", OperationId = "GetZone"), Tags("Zones")]
    [EndpointSummary("Read a zone, now, at a version or as recorded up to a moment (knownAt)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<Results<StreamedDocument<ZoneDetails>, Ok<ZoneDetails>, ProblemHttpResult>> Get(
        Guid zoneId, IQuerySession session, CancellationToken cancellation,
        [FromQuery, Description(TimeAxes.Version)] long? version = null,
        [FromQuery, Description(TimeAxes.KnownAt)] DateTimeOffset? knownAt = null) =>
        StreamReads.ReadAsync<ZoneDetails>(session, zoneId, version, knownAt, "zone", cancellation);
}
