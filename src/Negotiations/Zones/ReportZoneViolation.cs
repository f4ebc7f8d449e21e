using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Zones;

/// <summary>
/// A violation of the zone's rules is reported against a party, and, when it was logged as an incident, names it
/// (<see cref="IncidentId"/>): a violation is an incident inside the zone or near it. The same report (same party,
/// weapon class, place, description, date and incident) as one of the zone's latest again is a no-op.
/// </summary>
public sealed record ReportZoneViolation(
    string PartyAccused,
    string? WeaponClass,
    string Place,
    string Description,
    Provenance Provenance,
    [property: JsonPropertyName("version")] long ExpectedVersion,
    Guid? IncidentId = null)
{
    public ProblemDetails Validate() =>
        ViolationReported.Rules(new Problems(), PartyAccused, WeaponClass, Place, Description)
            .When(IncidentId == Guid.Empty, "incidentId", "Leave it out, or name the incident (ReportIncident) the violation is.")
            .Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(Zone zone) => StreamVersion.Check(ExpectedVersion, zone.Version, "the zone");

    public IEnumerable<object> Decide(Zone zone)
    {
        var reported = new ViolationReported(zone.Id, PartyAccused.Trim(), WeaponClass.TrimmedOrNull(), Place.Trim(), Description.Trim(), Provenance, IncidentId);
        var already = zone.RecentReports.Any(v =>
            DeclareWithdrawal.Same(v.PartyAccused, reported.PartyAccused) && DeclareWithdrawal.Same(v.WeaponClass, reported.WeaponClass)
            && DeclareWithdrawal.Same(v.Place, reported.Place) && v.Description == reported.Description && v.Occurred == Provenance.Occurred
            && v.IncidentId == IncidentId);
        return already ? [] : [reported];
    }
}

public static class ReportZoneViolationEndpoint
{
    public static ProblemDetails Validate(ReportZoneViolation command) => command.Validate();

    /// <summary>Then that the incident it names stands and lies inside the zone or near it (<see cref="ViolationPlaces"/>).</summary>
    public static Task<ProblemDetails> ValidateAsync(ReportZoneViolation command, Guid zoneId, IQuerySession session, CancellationToken cancellation) =>
        ViolationPlaces.CheckAsync(session, zoneId, command.IncidentId, cancellation);

    public static ProblemDetails Before(ReportZoneViolation command, Zone zone) => command.Allowed(zone);

    [WolverinePost("/api/zones/{zoneId}/violations", OperationId = "ReportZoneViolation"), Tags("Zones")]
    [EndpointSummary("Log a reported violation of a zone's rules")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (Zone, Events) Post(ReportZoneViolation command, [WriteAggregate("zoneId")] Zone zone) =>
        Answer.After(zone, command.Decide(zone));
}
