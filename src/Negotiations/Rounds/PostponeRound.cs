using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Rounds;

/// <summary>The round is put off, for a reason, perhaps to a new date.</summary>
public sealed record PostponeRound(
    string Reason,
    Provenance Provenance,
    [property: JsonPropertyName("version")] long ExpectedVersion,
    Occurrence? NewDate = null)
{
    public ProblemDetails Validate() =>
        RoundPostponed.Rules(new Problems(), Reason, NewDate)
            .Positive(ExpectedVersion)
            .Check(Provenance).Result();

    public ProblemDetails Allowed(Round round) => round.Current(ExpectedVersion).Then(() => round.Status switch
    {
        RoundStatus.Held => DomainProblem.Refused("The round was already held; it cannot be postponed."),
        RoundStatus.Cancelled => DomainProblem.Refused("The round was cancelled; it cannot be postponed."),
        _ => WolverineContinue.NoProblems
    });

    /// <summary>Nothing to append when the round is already postponed (to that date, if one is given).</summary>
    public IEnumerable<object> Decide(Round round) =>
        round.Status == RoundStatus.Postponed && (NewDate is null || NewDate == round.PlannedFor)
            ? []
            : [new RoundPostponed(round.Id, Reason.Trim(), NewDate, Provenance)];
}

public static class PostponeRoundEndpoint
{
    public static ProblemDetails Validate(PostponeRound command) => command.Validate();

    public static ProblemDetails Before(PostponeRound command, Round round) => command.Allowed(round);

    [WolverinePost("/api/rounds/{roundId}/postponement", OperationId = "PostponeRound"), Tags("Rounds")]
    [EndpointSummary("Postpone a negotiation round")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (Round, Events) Post(PostponeRound command, [WriteAggregate("roundId")] Round round) =>
        Answer.After(round, command.Decide(round));
}
