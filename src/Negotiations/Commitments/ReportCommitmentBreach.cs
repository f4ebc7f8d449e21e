using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Commitments;

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
