using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Negotiations.Understandings;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Rounds;

/// <summary>
/// A round that became known only after it took place. When it was held is the provenance's occurred
/// date (an approximate range when the report says "already met"); the venue may be unknown.
/// </summary>
public sealed record ReportHeldRound(
    IReadOnlyList<string> Participants,
    string Outcome,
    Provenance Provenance,
    IReadOnlyList<string>? Agreed = null,
    string? Venue = null,
    string? Mediator = null,
    IReadOnlyList<Guid>? UnderstandingIds = null,
    Guid? RoundId = null)
{
    public ProblemDetails Validate() =>
        new Problems()
            .Names("participants", Participants)
            .Text("outcome", Outcome, max: RoundRules.MaxSummary)
            .Points("agreed", Agreed)
            .Text("venue", Venue, required: false)
            .Text("mediator", Mediator, required: false)
            .Ids("understandingIds", UnderstandingIds, "understanding")
            .When(RoundId == Guid.Empty, "roundId", "Leave it out, or give a non-empty id.")
            .Check(Provenance).Result();

    public HeldRoundReported Decide(Guid id) =>
        new(id, Venue.Tidy(), Participants.Tidy(), Mediator.Tidy(), UnderstandingIds.Tidy(), Outcome.Trim(), Agreed.Tidy(), Provenance);
}

public static class ReportHeldRoundEndpoint
{
    public static ProblemDetails Validate(ReportHeldRound command) => command.Validate();

    /// <summary>Then, once its own shape is right, that the understandings it names exist (404).</summary>
    [ChecksNamedUnderstandings(nameof(ReportHeldRound.UnderstandingIds))]
    public static Task<ProblemDetails> ValidateAsync(ReportHeldRound command, IQuerySession session, CancellationToken cancellation) =>
        KnownUnderstandings.CheckAsync(session, command.UnderstandingIds, cancellation);

    [WolverinePost("/api/rounds/held", OperationId = "ReportHeldRound"), Tags("Rounds")]
    [EndpointSummary("Report a negotiation round that has already been held")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static (CreationResponse<Guid>, IStartStream) Post(ReportHeldRound command)
    {
        var id = command.RoundId ?? Guid.CreateVersion7();
        return (new CreationResponse<Guid>($"/api/rounds/{id}", id), MartenOps.StartStream<Round>(id, command.Decide(id)));
    }
}
