using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Zones;

/// <summary>
/// Draws the zone on the map: its area as a GeoJSON geometry with its precision, as the sources describe it. A later
/// drawing takes the place of the one before; the zone's incidents are found inside or near it (GET /api/incidents?zoneId=).
/// </summary>
public sealed record MapZone(Place Area, Provenance Provenance, [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() => ZoneMapped.Rules(new Problems(), Area, Provenance).Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(Zone zone) => StreamVersion.Check(ExpectedVersion, zone.Version, "the zone");

    public ZoneMapped Decide(Zone zone) =>
        new(zone.Id, Area.Trimmed(), Provenance);
}

public static class MapZoneEndpoint
{
    public static ProblemDetails Validate(MapZone command) => command.Validate();

    public static ProblemDetails Before(MapZone command, Zone zone) => command.Allowed(zone);

    [WolverinePost("/api/zones/{zoneId}/area", OperationId = "MapZone"), Tags("Zones")]
    [EndpointSummary("Draw a zone's area (GeoJSON, with its precision)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static (Zone, Events) Post(MapZone command, [WriteAggregate("zoneId")] Zone zone) =>
        Answer.After(zone, [command.Decide(zone)]);
}
