using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Zones;

/// <summary>
/// A party declares it pulled a weapon class back to a depth in km from the zone's reference. The
/// same declaration (same party, weapon class, depth, area and date) as one of the zone's latest again is a no-op.
/// </summary>
public sealed record DeclareWithdrawal(
    string Party,
    string WeaponClass,
    decimal DepthKm,
    string? Area,
    Provenance Provenance,
    [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        WithdrawalDeclared.Rules(new Problems(), Party, WeaponClass, DepthKm, Area).Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(Zone zone) => StreamVersion.Check(ExpectedVersion, zone.Version, "the zone");

    public IEnumerable<object> Decide(Zone zone)
    {
        var declared = new WithdrawalDeclared(zone.Id, Party.Trim(), WeaponClass.Trim(), DepthKm, Area.TrimmedOrNull(), Provenance);
        var already = zone.RecentDeclarations.Any(w =>
            Same(w.Party, declared.Party) && Same(w.WeaponClass, declared.WeaponClass) && w.DepthKm == declared.DepthKm
            && Same(w.Area, declared.Area) && w.Occurred == Provenance.Occurred);
        return already ? [] : [declared];
    }

    internal static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

public static class DeclareWithdrawalEndpoint
{
    public static ProblemDetails Validate(DeclareWithdrawal command) => command.Validate();

    public static ProblemDetails Before(DeclareWithdrawal command, Zone zone) => command.Allowed(zone);

    [WolverinePost("/api/zones/{zoneId}/withdrawals", OperationId = "DeclareWithdrawal"), Tags("Zones")]
    [EndpointSummary("Log a party's declaration that it withdrew a weapon class to a depth")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static (Zone, Events) Post(DeclareWithdrawal command, [WriteAggregate("zoneId")] Zone zone) =>
        Answer.After(zone, command.Decide(zone));
}

internal static class TextExtensions
{
    public static string? TrimmedOrNull(this string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
