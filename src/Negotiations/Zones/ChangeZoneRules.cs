using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Zones;

/// <summary>Replaces the zone's rule set as a whole (a renegotiated annex, a new line). The same set again is a no-op.</summary>
public sealed record ChangeZoneRules(IReadOnlyList<WeaponRule> Rules, Provenance Provenance, [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() => ZoneRulesChanged.RulesOf(new Problems(), Rules).Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(Zone zone) => StreamVersion.Check(ExpectedVersion, zone.Version, "the zone");

    public IEnumerable<object> Decide(Zone zone) =>
        zone.Rules.SequenceEqual(Rules.Trimmed()) ? [] : [new ZoneRulesChanged(zone.Id, Rules.Trimmed(), Provenance)];
}

public static class ChangeZoneRulesEndpoint
{
    public static ProblemDetails Validate(ChangeZoneRules command) => command.Validate();

    public static ProblemDetails Before(ChangeZoneRules command, Zone zone) => command.Allowed(zone);

    [WolverinePost("/api/zones/{zoneId}/rules", OperationId = "ChangeZoneRules"), Tags("Zones")]
    [EndpointSummary("Replace a zone's rules per weapon class")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static (Zone, Events) Post(ChangeZoneRules command, [WriteAggregate("zoneId")] Zone zone) =>
        Answer.After(zone, command.Decide(zone));
}
