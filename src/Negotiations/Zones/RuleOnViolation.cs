using System.Text.Json.Serialization;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Zones;

/// <summary>
/// A monitor or party verifies or disputes one reported violation of the zone, named by the report's
/// event id (one endpoint each). The same ruling by the same author, with the same note and date, is a no-op.
/// </summary>
public sealed record RuleOnViolation(
    Guid ReportEventId,
    string By,
    string? Note,
    Provenance Provenance,
    [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        IViolationRuling.Rules(new Problems(), By, Note)
            .When(ReportEventId == Guid.Empty, "reportEventId", "Required: the event id of the violation report.")
            .Positive(ExpectedVersion).Check(Provenance).Result();

    /// <summary>
    /// Version first (409); then the report must be one of the zone's that stands: one of its latest, or an older
    /// one read by its event id and not taken back (404 unknown anywhere, 422 otherwise).
    /// </summary>
    public ProblemDetails Allowed(Zone zone, IEvent? named) =>
        StreamVersion.Check(ExpectedVersion, zone.Version, "the zone") is var stale && stale != WolverineContinue.NoProblems
            ? stale
            : ZoneRules.Names(zone, zone.ReportNamed(ReportEventId) is not null, ReportEventId, named,
                typeof(ViolationReported), "violation report");

    public IEnumerable<object> Decide(Zone zone, ViolationStatus finding)
    {
        var by = By.Trim();
        var note = Note.TrimmedOrNull();
        // Only one of the latest reports says what was last ruled on it: an older one's ruling is not kept.
        var latest = zone.ReportNamed(ReportEventId)?.LatestRuling;
        if (latest is not null && latest.Finding == finding && DeclareWithdrawal.Same(latest.By, by)
            && latest.Note == note && latest.Occurred == Provenance.Occurred)
            return [];
        IViolationRuling ruled = finding switch
        {
            ViolationStatus.Verified => new ViolationVerified(zone.Id, ReportEventId, by, note, Provenance),
            ViolationStatus.Disputed => new ViolationDisputed(zone.Id, ReportEventId, by, note, Provenance),
            _ => throw new ArgumentOutOfRangeException(nameof(finding), finding, "A violation is verified or disputed.")
        };
        return [ruled];
    }

    /// <summary>The shell's one read: the named event, only when it is not one of the latest reports the zone keeps.</summary>
    public async Task<IEvent?> NamedAsync(Zone zone, IDocumentSession session, CancellationToken cancellation) =>
        zone.ReportNamed(ReportEventId) is not null ? null : await session.Events.LoadAsync(ReportEventId, cancellation);
}
