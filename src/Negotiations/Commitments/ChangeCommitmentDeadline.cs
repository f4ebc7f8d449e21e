using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Commitments;

/// <summary>Moves the commitment's deadline; a null deadline lifts it. The same deadline again is a no-op.</summary>
public sealed record ChangeCommitmentDeadline(DateOnly? Deadline, string? Reason, Provenance Provenance, [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        CommitmentDeadlineChanged.Rules(new Problems(), Reason).Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(Commitment commitment) => CommitmentRules.Open(ExpectedVersion, commitment);

    public IEnumerable<object> Decide(Commitment commitment) =>
        commitment.Deadline == Deadline ? [] : [new CommitmentDeadlineChanged(commitment.Id, Deadline, Reason?.Trim(), Provenance)];
}

public static class ChangeCommitmentDeadlineEndpoint
{
    public static ProblemDetails Validate(ChangeCommitmentDeadline command) => command.Validate();

    public static ProblemDetails Before(ChangeCommitmentDeadline command, Commitment commitment) => command.Allowed(commitment);

    [WolverinePost("/api/commitments/{commitmentId}/deadline", OperationId = "ChangeCommitmentDeadline"), Tags("Commitments")]
    [EndpointSummary("Change (or lift) a commitment's deadline")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (Commitment, Events) Post(ChangeCommitmentDeadline command, [WriteAggregate("commitmentId")] Commitment commitment) =>
        Answer.After(commitment, command.Decide(commitment));
}
