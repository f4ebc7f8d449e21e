using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Commitments;

/// <summary>The commitment was taken back. Reversing a reversed commitment is a no-op.</summary>
public sealed record ReverseCommitment(string Reason, Provenance Provenance, [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        CommitmentReversed.Rules(new Problems(), Reason).Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(Commitment commitment) => CommitmentRules.Open(ExpectedVersion, commitment);

    public IEnumerable<object> Decide(Commitment commitment) =>
        commitment.Standing == CommitmentStanding.Reversed ? [] : [new CommitmentReversed(commitment.Id, Reason.Trim(), Provenance)];
}

public static class ReverseCommitmentEndpoint
{
    public static ProblemDetails Validate(ReverseCommitment command) => command.Validate();

    public static ProblemDetails Before(ReverseCommitment command, Commitment commitment) => command.Allowed(commitment);

    [WolverinePost("/api/commitments/{commitmentId}/reversal", OperationId = "ReverseCommitment"), Tags("Commitments")]
    [EndpointSummary("Record that a commitment was reversed")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (Commitment, Events) Post(ReverseCommitment command, [WriteAggregate("commitmentId")] Commitment commitment) =>
        Answer.After(commitment, command.Decide(commitment));
}
