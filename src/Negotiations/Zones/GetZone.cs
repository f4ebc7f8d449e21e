using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Zones;

public static class GetZoneEndpoint
{
    /// <summary>
    /// The zone as it stands now (rules, declarations with their latest findings, violations with their
    /// status), or as it stood at a stream version, or as it was recorded at a point in time.
    /// </summary>
    [WolverineGet("/api/zones/{zoneId}", OperationId = "GetZone"), Tags("Zones")]
    [EndpointSummary("Read a zone, now, at a version or as recorded at a time")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<Zone>, ProblemHttpResult>> Get(
        Guid zoneId, IQuerySession session, CancellationToken cancellation,
        [FromQuery] long? version = null, [FromQuery] DateTimeOffset? asOf = null)
    {
        if (version is not null && asOf is not null)
            return TypedResults.Problem("Give either version or asOf, not both.", statusCode: 400, title: "Choose one point of view");
        if (version is < 1)
            return TypedResults.Problem("version starts at 1.", statusCode: 400, title: "Invalid version");

        var zone = version is not null || asOf is not null
            ? await session.Events.AggregateStreamAsync<Zone>(zoneId, version ?? 0, asOf, token: cancellation)
            : await session.LoadAsync<Zone>(zoneId, cancellation);

        return zone is null
            ? TypedResults.Problem(
                version is null && asOf is null ? $"No zone has id {zoneId}." : $"Zone {zoneId} did not exist at that point.",
                statusCode: 404, title: "Unknown zone")
            : TypedResults.Ok(zone);
    }
}
