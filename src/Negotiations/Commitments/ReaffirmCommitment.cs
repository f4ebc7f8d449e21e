using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Commitments;

/// <summary>A reversed commitment is taken up again. Reaffirming a commitment that stands is a no-op.</summary>
public sealed record ReaffirmCommitment(string? Reason, Provenance Provenance, [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        CommitmentReaffirmed.Rules(new Problems(), Reason).Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(Commitment commitment) => CommitmentRules.Open(ExpectedVersion, commitment);

    public IEnumerable<object> Decide(Commitment commitment) =>
        commitment.Standing == CommitmentStanding.InForce ? [] : [new CommitmentReaffirmed(commitment.Id, Reason?.Trim(), Provenance)];
}

public static class ReaffirmCommitmentEndpoint
{
    public static ProblemDetails Validate(ReaffirmCommitment command) => command.Validate();

    public static ProblemDetails Before(ReaffirmCommitment command, Commitment commitment) => command.Allowed(commitment);

    [WolverinePost("/api/commitments/{commitmentId}/reaffirmation", OperationId = "ReaffirmCommitment"), Tags("Commitments")]
    [EndpointSummary("Record that a reversed commitment was reaffirmed")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (Commitment, Events) Post(ReaffirmCommitment command, [WriteAggregate("commitmentId")] Commitment commitment) =>
        Answer.After(commitment, command.Decide(commitment));
}
