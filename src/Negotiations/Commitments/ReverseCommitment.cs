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

/// <summary>A reversed commitment is taken up again. Reaffirming a commitment that stands is a no-op.</summary>
public sealed record ReaffirmCommitment(string? Reason, Provenance Provenance, [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        CommitmentReaffirmed.Rules(new Problems(), Reason).Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(Commitment commitment) => CommitmentRules.Open(ExpectedVersion, commitment);

    public IEnumerable<object> Decide(Commitment commitment) =>
        commitment.Standing == CommitmentStanding.InForce ? [] : [new CommitmentReaffirmed(commitment.Id, Reason?.Trim(), Provenance)];
}

/// <summary>A party acted against the commitment (recorded; it does not by itself end the commitment). The same party and reason again, among the latest breaches, is the same breach.</summary>
public sealed record ReportCommitmentBreach(string Party, string Reason, Provenance Provenance, [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        CommitmentBreached.Rules(new Problems(), Party, Reason).Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(Commitment commitment) => CommitmentRules.Open(ExpectedVersion, commitment);

    public IEnumerable<object> Decide(Commitment commitment) =>
        commitment.RecentBreaches.Any(b => string.Equals(b.Party, Party.Trim(), StringComparison.OrdinalIgnoreCase) && b.Reason == Reason.Trim())
            ? []
            : [new CommitmentBreached(commitment.Id, Party.Trim(), Reason.Trim(), Provenance)];
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

public static class ReportCommitmentBreachEndpoint
{
    public static ProblemDetails Validate(ReportCommitmentBreach command) => command.Validate();

    public static ProblemDetails Before(ReportCommitmentBreach command, Commitment commitment) => command.Allowed(commitment);

    [WolverinePost("/api/commitments/{commitmentId}/breaches", OperationId = "ReportCommitmentBreach"), Tags("Commitments")]
    [EndpointSummary("Record that a party breached a commitment")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (Commitment, Events) Post(ReportCommitmentBreach command, [WriteAggregate("commitmentId")] Commitment commitment) =>
        Answer.After(commitment, command.Decide(commitment));
}
