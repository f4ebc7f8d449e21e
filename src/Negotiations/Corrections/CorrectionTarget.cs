using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Negotiations.Kernel;

namespace Negotiations.Corrections;

/// <summary>
/// The development a correction or retraction names, with its stream: what the stream already says about it,
/// and the events its write model folds from.
/// </summary>
public sealed record CorrectionTarget(IEvent Event, IReadOnlyList<IEvent> Stream, bool AlreadyRetracted, bool AlreadyCorrected)
{
    public long StreamVersion => Stream[^1].Version;

    public static async Task<CorrectionTarget?> LoadAsync(IDocumentSession session, Guid eventId, CancellationToken cancellation)
    {
        var target = await session.Events.LoadAsync(eventId, cancellation);
        if (target is null) return null;
        var stream = await session.Events.FetchStreamAsync(target.StreamId, token: cancellation);
        var retracted = stream.Any(e => e.Data is DevelopmentRetracted r && r.RetractedEventId == eventId);
        var corrected = stream.Any(e => e.Data is DevelopmentCorrected c && c.CorrectedEventId == eventId);
        return new CorrectionTarget(target, stream, retracted, corrected);
    }

    /// <summary>What every correction and retraction requires of its target. A retraction of a retracted development is a no-op.</summary>
    public static ProblemDetails Check(CorrectionTarget? target, Guid eventId) => target switch
    {
        null => new ProblemDetails { Status = 404, Title = "Unknown development", Detail = $"No event has id {eventId}." },
        { Event.Data: DevelopmentRetracted or DevelopmentCorrected } => DomainProblem.Refused(
            "A correction or retraction cannot itself be taken back; log the development again instead."),
        { AlreadyCorrected: true } => DomainProblem.Refused(
            $"Development {eventId} was already corrected; correct or retract its replacement instead."),
        _ => WolverineContinue.NoProblems
    };

    /// <summary>
    /// 422 when the stream's write model, folded with these events appended, would break one of its invariants
    /// (e.g. two holders of a single-holder office): the past may be corrected, but not into a state no command allows.
    /// </summary>
    public ProblemDetails KeepsInvariants(params object[] appended) =>
        WriteModels.BrokenBy(Stream, appended) is { } rule
            ? DomainProblem.Refused(rule)
            : WolverineContinue.NoProblems;
}
