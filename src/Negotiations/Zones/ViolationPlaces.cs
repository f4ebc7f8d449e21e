using System.Globalization;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Incidents;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Zones;

/// <summary>
/// A violation is an incident inside the zone or near it. "Near" is within the greatest depth the zone's rules name
/// (a weapon class kept 10 km back may not be fired from 8 km beyond the line), and 25 km more for an incident placed
/// near a named place. An incident placed only by its district, province or country, or a zone not drawn yet, cannot
/// be measured: the link is taken as the source gives it.
/// </summary>
public static class ViolationPlaces
{
    public const double NearPlaceKm = 25;

    public static async Task<ProblemDetails> CheckAsync(IQuerySession session, Guid zoneId, Guid? incidentId, CancellationToken cancellation)
    {
        if (incidentId is not { } id) return WolverineContinue.NoProblems;
        if (await session.LoadAsync<Incident>(id, cancellation) is not { Retracted: false } incident)
            return new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Unknown incident", Detail = $"No incident has id {id}: log it first (ReportIncident)." };
        // An unknown zone is the 404 of the zone's own check, after this one.
        if (await session.LoadAsync<ZoneDetails>(zoneId, cancellation) is not { Retracted: false, Area: { } area } zone
            || incident.Place.Precision is not (LocationPrecision.Exact or LocationPrecision.Near))
            return WolverineContinue.NoProblems;

        var reach = (double)zone.Rules.SelectMany(r => new[] { r.MinimumDepthKm ?? 0, r.MaximumDepthKm ?? 0 }).DefaultIfEmpty(0).Max()
                    + (incident.Place.Precision == LocationPrecision.Near ? NearPlaceKm : 0);
        var km = (await session.QueryAsync<double>(
            "select ST_Distance(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)::geography, ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)::geography) / 1000",
            cancellation, JsonSerializer.Serialize(incident.Place.Geometry, JsonDialect.Web), JsonSerializer.Serialize(area.Geometry, JsonDialect.Web))).Single();
        return km <= reach
            ? WolverineContinue.NoProblems
            : new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The incident is not in the zone",
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"The incident lies {km:0.#} km from the zone's area as drawn; a violation of {zone.Name} is an incident inside it or within {reach:0.#} km of it.")
            };
    }
}
