using System.Text.Json.Serialization;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Zones;

/// <summary>
/// A monitor's finding about one withdrawal declaration of the zone, named by the declaration's event
/// id: observed, verified, unverifiable or contradicted (one endpoint each). The same finding by the
/// same monitor, with the same note and date, is a no-op.
/// </summary>
public sealed record AssessWithdrawal(
    Guid DeclarationEventId,
    string Monitor,
    string? Note,
    Provenance Provenance,
    [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        IWithdrawalAssessment.Rules(new Problems(), Monitor, Note)
            .When(DeclarationEventId == Guid.Empty, "declarationEventId", "Required: the event id of the withdrawal declaration assessed.")
            .Positive(ExpectedVersion).Check(Provenance).Result();

    /// <summary>
    /// Version first (409); then the declaration must be one of the zone's that stands: one of its latest, or an
    /// older one read by its event id and not taken back (404 unknown anywhere, 422 otherwise).
    /// </summary>
    public ProblemDetails Allowed(Zone zone, IEvent? named) =>
        StreamVersion.Check(ExpectedVersion, zone.Version, "the zone") is var stale && stale != WolverineContinue.NoProblems
            ? stale
            : ZoneRules.Names(zone, zone.DeclarationNamed(DeclarationEventId) is not null, DeclarationEventId, named,
                typeof(WithdrawalDeclared), "withdrawal declaration");

    public IEnumerable<object> Decide(Zone zone, WithdrawalStatus finding)
    {
        var monitor = Monitor.Trim();
        var note = Note.TrimmedOrNull();
        // Only one of the latest declarations says what was last found about it: an older one's finding is not kept.
        var latest = zone.DeclarationNamed(DeclarationEventId)?.LatestAssessment;
        if (latest is not null && latest.Finding == finding && DeclareWithdrawal.Same(latest.Monitor, monitor)
            && latest.Note == note && latest.Occurred == Provenance.Occurred)
            return [];
        IWithdrawalAssessment assessed = finding switch
        {
            WithdrawalStatus.Observed => new WithdrawalObserved(zone.Id, DeclarationEventId, monitor, note, Provenance),
            WithdrawalStatus.Verified => new WithdrawalVerified(zone.Id, DeclarationEventId, monitor, note, Provenance),
            WithdrawalStatus.Unverifiable => new WithdrawalFoundUnverifiable(zone.Id, DeclarationEventId, monitor, note, Provenance),
            WithdrawalStatus.Contradicted => new WithdrawalContradicted(zone.Id, DeclarationEventId, monitor, note, Provenance),
            _ => throw new ArgumentOutOfRangeException(nameof(finding), finding, "A monitor's finding is observed, verified, unverifiable or contradicted.")
        };
        return [assessed];
    }

    /// <summary>The shell's one read: the named event, only when it is not one of the latest declarations the zone keeps.</summary>
    public async Task<IEvent?> NamedAsync(Zone zone, IDocumentSession session, CancellationToken cancellation) =>
        zone.DeclarationNamed(DeclarationEventId) is not null ? null : await session.Events.LoadAsync(DeclarationEventId, cancellation);
}
