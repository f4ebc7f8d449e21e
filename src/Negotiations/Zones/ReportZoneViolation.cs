using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Zones;

/// <summary>
/// A violation of the zone's rules is reported against a party. The same report (same party, weapon
/// class, place, description and date) as one of the zone's latest again is a no-op.
/// </summary>
public sealed record ReportZoneViolation(
    string PartyAccused,
    string? WeaponClass,
    string Place,
    string Description,
    Provenance Provenance,
    [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        ViolationReported.Rules(new Problems(), PartyAccused, WeaponClass, Place, Description)
            .Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(Zone zone) => StreamVersion.Check(ExpectedVersion, zone.Version, "the zone");

    public IEnumerable<object> Decide(Zone zone)
    {
        var reported = new ViolationReported(zone.Id, PartyAccused.Trim(), WeaponClass.TrimmedOrNull(), Place.Trim(), Description.Trim(), Provenance);
        var already = zone.RecentReports.Any(v =>
            DeclareWithdrawal.Same(v.PartyAccused, reported.PartyAccused) && DeclareWithdrawal.Same(v.WeaponClass, reported.WeaponClass)
            && DeclareWithdrawal.Same(v.Place, reported.Place) && v.Description == reported.Description && v.Occurred == Provenance.Occurred);
        return already ? [] : [reported];
    }
}

public static class ReportZoneViolationEndpoint
{
    public static ProblemDetails Validate(ReportZoneViolation command) => command.Validate();

    public static ProblemDetails Before(ReportZoneViolation command, Zone zone) => command.Allowed(zone);

    [WolverinePost("/api/zones/{zoneId}/violations", OperationId = "ReportZoneViolation"), Tags("Zones")]
    [EndpointSummary("Log a reported violation of a zone's rules")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static (Zone, Events) Post(ReportZoneViolation command, [WriteAggregate("zoneId")] Zone zone) =>
        Answer.After(zone, command.Decide(zone));
}
