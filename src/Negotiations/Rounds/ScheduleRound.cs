using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Negotiations.Understandings;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Rounds;

/// <summary>
/// A round of talks was announced: who meets, who mediates, which understandings it is about, where (if
/// known) and when it is planned, as precisely as reported. A client may choose the round's id.
/// </summary>
public sealed record ScheduleRound(
    Occurrence PlannedFor,
    IReadOnlyList<string> Participants,
    Provenance Provenance,
    string? Venue = null,
    string? Mediator = null,
    IReadOnlyList<Guid>? UnderstandingIds = null,
    Guid? RoundId = null)
{
    public ProblemDetails Validate() =>
        new Problems()
            .Occurrence("plannedFor", PlannedFor)
            .Names("participants", Participants)
            .Text("venue", Venue, required: false)
            .Text("mediator", Mediator, required: false)
            .Ids("understandingIds", UnderstandingIds, "understanding")
            .When(RoundId == Guid.Empty, "roundId", "Leave it out, or give a non-empty id.")
            .Check(Provenance).Result();

    /// <summary>The decider: scheduling always starts a new stream.</summary>
    public RoundScheduled Decide(Guid id) =>
        new(id, Venue.Tidy(), PlannedFor, Participants.Tidy(), Mediator.Tidy(), UnderstandingIds.Tidy(), Provenance);
}

public static class ScheduleRoundEndpoint
{
    public static ProblemDetails Validate(ScheduleRound command) => command.Validate();

    /// <summary>Then, once its own shape is right, that the understandings it names exist (404).</summary>
    [ChecksNamedUnderstandings(nameof(ScheduleRound.UnderstandingIds))]
    public static Task<ProblemDetails> ValidateAsync(ScheduleRound command, IQuerySession session, CancellationToken cancellation) =>
        KnownUnderstandings.CheckAsync(session, command.UnderstandingIds, cancellation);

    [WolverinePost("/api/rounds", OperationId = "ScheduleRound"), Tags("Rounds")]
    [EndpointSummary("Schedule a negotiation round")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static (CreationResponse<Guid>, IStartStream) Post(ScheduleRound command)
    {
        var id = command.RoundId ?? Guid.CreateVersion7();
        return (new CreationResponse<Guid>($"/api/rounds/{id}", id), MartenOps.StartStream<Round>(id, command.Decide(id)));
    }
}
