using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Corrections;

/// <summary>Withdraws a development that should never have been recorded. Every model stops counting it.</summary>
public sealed record RetractDevelopment(string Reason)
{
    public ProblemDetails Validate() => new Problems().Text("reason", Reason).Result();

    public DevelopmentRetracted Decide(CorrectionTarget target) => new(target.Event.Id, target.Event.EventTypeName, Reason.Trim());
}

public static class RetractDevelopmentEndpoint
{
    public static ProblemDetails Validate(RetractDevelopment command) => command.Validate();

    public static Task<CorrectionTarget?> LoadAsync(Guid eventId, IDocumentSession session, CancellationToken cancellation) =>
        CorrectionTarget.LoadAsync(session, eventId, cancellation);

    /// <summary>
    /// The target must be one that can be taken back (404, 422); then its stream, without it, must keep its
    /// invariants (422): retracting a dismissal after a successor was appointed would leave two holders.
    /// </summary>
    public static ProblemDetails Before(RetractDevelopment command, CorrectionTarget? target, Guid eventId) =>
        CorrectionTarget.Check(target, eventId) is var problem && problem != WolverineContinue.NoProblems ? problem
        : target!.AlreadyRetracted ? WolverineContinue.NoProblems
        : target.KeepsInvariants(command.Decide(target));

    [WolverinePost("/api/developments/{eventId}/retraction", OperationId = "RetractDevelopment"), Tags("Corrections")]
    [EndpointSummary("Retract an earlier development, naming it by event id")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static CorrectionResult Post(RetractDevelopment command, CorrectionTarget target, IDocumentSession session)
    {
        if (target.AlreadyRetracted) return new CorrectionResult(target.Event.StreamId, target.Event.Id, target.StreamVersion);
        // With the expected version, a Quick append numbers the event, so inline projections see its real version.
        session.Events.Append(target.Event.StreamId, target.StreamVersion + 1, command.Decide(target));
        return new CorrectionResult(target.Event.StreamId, target.Event.Id, target.StreamVersion + 1);
    }
}

/// <summary>What a correction or retraction answers: the stream it went to and the stream's new version.</summary>
public sealed record CorrectionResult(Guid StreamId, Guid EventId, long Version);
