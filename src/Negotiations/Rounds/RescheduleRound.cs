using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Rounds;

/// <summary>The round moves to a new date and/or venue; a part left out stays as it was. A postponed round is scheduled again.</summary>
public sealed record RescheduleRound(
    Provenance Provenance,
    [property: JsonPropertyName("version")] long ExpectedVersion,
    Occurrence? PlannedFor = null,
    string? Venue = null)
{
    public ProblemDetails Validate() =>
        RoundRescheduled.Rules(new Problems(), PlannedFor, Venue)
            .Positive(ExpectedVersion)
            .Check(Provenance).Result();

    public ProblemDetails Allowed(Round round) => round.Current(ExpectedVersion).Then(() => round.Status switch
    {
        RoundStatus.Held => DomainProblem.Refused("The round was already held; it cannot be rescheduled."),
        RoundStatus.Cancelled => DomainProblem.Refused("The round was cancelled; it cannot be rescheduled. Schedule a new round instead."),
        _ => WolverineContinue.NoProblems
    });

    /// <summary>Nothing to append when the round is already scheduled for that date and venue.</summary>
    public IEnumerable<object> Decide(Round round) =>
        round.Status == RoundStatus.Scheduled
        && (PlannedFor is null || PlannedFor == round.PlannedFor)
        && (Venue.Tidy() is not { } venue || string.Equals(venue, round.Venue, StringComparison.OrdinalIgnoreCase))
            ? []
            : [new RoundRescheduled(round.Id, PlannedFor, Venue.Tidy(), Provenance)];
}

public static class RescheduleRoundEndpoint
{
    public static ProblemDetails Validate(RescheduleRound command) => command.Validate();

    public static ProblemDetails Before(RescheduleRound command, Round round) => command.Allowed(round);

    [WolverinePost("/api/rounds/{roundId}/schedule", OperationId = "RescheduleRound"), Tags("Rounds")]
    [EndpointSummary("Reschedule a negotiation round to a new date and/or venue")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (Round, Events) Post(RescheduleRound command, [WriteAggregate("roundId")] Round round) =>
        Answer.After(round, command.Decide(round));
}
