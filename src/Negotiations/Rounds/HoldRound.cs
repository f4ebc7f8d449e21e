using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Rounds;

/// <summary>
/// The round took place: a summary of the outcome and the points agreed (none, when nothing was disclosed).
/// When it was held is the provenance's occurred date.
/// </summary>
public sealed record HoldRound(
    string Outcome,
    Provenance Provenance,
    [property: JsonPropertyName("version")] long ExpectedVersion,
    IReadOnlyList<string>? Agreed = null)
{
    public ProblemDetails Validate() =>
        RoundHeld.Rules(new Problems(), Outcome, Agreed)
            .Positive(ExpectedVersion)
            .Check(Provenance).Result();

    public ProblemDetails Allowed(Round round) => round.Current(ExpectedVersion).Then(() => round.Status switch
    {
        RoundStatus.Cancelled => DomainProblem.Refused("The round was cancelled; it cannot have been held. Retract the cancellation if it was wrong."),
        RoundStatus.Held when !SameAs(round.Outcome) => DomainProblem.Refused(
            "The round was already held with another outcome; correct that development instead of holding the round twice."),
        _ => WolverineContinue.NoProblems
    });

    public IEnumerable<object> Decide(Round round) =>
        round.Status == RoundStatus.Held && SameAs(round.Outcome) ? [] : [new RoundHeld(round.Id, Outcome.Trim(), Agreed.Tidy(), Provenance)];

    private bool SameAs(RoundOutcome? outcome) =>
        outcome is not null && outcome.Summary == Outcome.Trim() && outcome.Agreed.SequenceEqual(Agreed.Tidy());
}

public static class HoldRoundEndpoint
{
    public static ProblemDetails Validate(HoldRound command) => command.Validate();

    public static ProblemDetails Before(HoldRound command, Round round) => command.Allowed(round);

    [WolverinePost("/api/rounds/{roundId}/outcome", OperationId = "HoldRound"), Tags("Rounds")]
    [EndpointSummary("Record that a scheduled round was held, with its outcome")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (Round, Events) Post(HoldRound command, [WriteAggregate("roundId")] Round round) =>
        Answer.After(round, command.Decide(round));
}
