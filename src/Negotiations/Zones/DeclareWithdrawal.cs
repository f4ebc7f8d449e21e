using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Zones;

/// <summary>
/// A party declares it complied with a measure: pulled a weapon class back to a depth in km from the zone's reference
/// (no measure named), or behind a line, handed weapons over, cantoned them, withdrew named forces, opened a crossing,
/// released detainees or observed the ceasefire (<see cref="ComplianceMeasure"/>). The same declaration as one of
/// the zone's latest again is a no-op.
/// </summary>
public sealed record DeclareWithdrawal(
    string Party,
    string? WeaponClass,
    decimal? DepthKm,
    string? Area,
    Provenance Provenance,
    [property: JsonPropertyName("version")] long ExpectedVersion,
    ComplianceMeasure? Measure = null,
    int? Count = null,
    string? Unit = null,
    string? Place = null,
    string? Forces = null)
{
    public ProblemDetails Validate() => Declared(Guid.Empty).CheckFields(new Problems()).Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(Zone zone) => StreamVersion.Check(ExpectedVersion, zone.Version, "the zone");

    public IEnumerable<object> Decide(Zone zone)
    {
        var declared = Declared(zone.Id);
        var already = zone.RecentDeclarations.Any(w => w.Declares(declared));
        return already ? [] : [declared];
    }

    private WithdrawalDeclared Declared(Guid zone) => new(zone, Party?.Trim()!, WeaponClass.TrimmedOrNull(), DepthKm, Area.TrimmedOrNull(), Provenance,
        Measure, Count, Unit.TrimmedOrNull(), Place.TrimmedOrNull(), Forces.TrimmedOrNull());

    internal static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

public static class DeclareWithdrawalEndpoint
{
    public static ProblemDetails Validate(DeclareWithdrawal command) => command.Validate();

    public static ProblemDetails Before(DeclareWithdrawal command, Zone zone) => command.Allowed(zone);

    [WolverinePost("/api/zones/{zoneId}/withdrawals", OperationId = "DeclareWithdrawal"), Tags("Zones")]
    [EndpointSummary("Log a party's declaration that it complied with a measure: a withdrawal to a depth, a handover, a departure, ...")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static (Zone, Events) Post(DeclareWithdrawal command, [WriteAggregate("zoneId")] Zone zone) =>
        Answer.After(zone, command.Decide(zone));
}

internal static class TextExtensions
{
    public static string? TrimmedOrNull(this string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
