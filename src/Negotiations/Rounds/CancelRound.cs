using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Rounds;

/// <summary>The round will not take place. A round that was held cannot be cancelled after the fact.</summary>
public sealed record CancelRound(
    string Reason,
    Provenance Provenance,
    [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        RoundCancelled.Rules(new Problems(), Reason).Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(Round round) => round.Current(ExpectedVersion).Then(() =>
        round.Status == RoundStatus.Held
            ? DomainProblem.Refused("The round was already held; it cannot be cancelled. Retract the held development if it was wrong.")
            : WolverineContinue.NoProblems);

    public IEnumerable<object> Decide(Round round) =>
        round.Status == RoundStatus.Cancelled ? [] : [new RoundCancelled(round.Id, Reason.Trim(), Provenance)];
}

public static class CancelRoundEndpoint
{
    public static ProblemDetails Validate(CancelRound command) => command.Validate();

    public static ProblemDetails Before(CancelRound command, Round round) => command.Allowed(round);

    [WolverinePost("/api/rounds/{roundId}/cancellation", OperationId = "CancelRound"), Tags("Rounds")]
    [EndpointSummary("Cancel a negotiation round")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (Round, Events) Post(CancelRound command, [WriteAggregate("roundId")] Round round) =>
        Answer.After(round, command.Decide(round));
}
