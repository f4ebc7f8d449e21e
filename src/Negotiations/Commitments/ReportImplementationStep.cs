using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Commitments;

/// <summary>
/// A party reports what it did towards the commitment. The same party, description and date again, among the
/// commitment's latest steps, is the same step and appends nothing. A reversed commitment takes no steps until it is reaffirmed.
/// </summary>
public sealed record ReportImplementationStep(string Party, string Description, Provenance Provenance, [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        ImplementationStepReported.Rules(new Problems(), Party, Description)
            .Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(Commitment commitment) =>
        CommitmentRules.Open(ExpectedVersion, commitment) is var open && open != WolverineContinue.NoProblems ? open
        : commitment.Standing == CommitmentStanding.Reversed ? DomainProblem.Refused(CommitmentRules.ReaffirmFirst("an implementation step"))
        : WolverineContinue.NoProblems;

    public IEnumerable<object> Decide(Commitment commitment) =>
        commitment.RecentSteps.Any(s => s == new ImplementationStep(Party.Trim(), Description.Trim(), Provenance.Occurred))
            ? []
            : [new ImplementationStepReported(commitment.Id, Party.Trim(), Description.Trim(), Provenance)];
}

public static class ReportImplementationStepEndpoint
{
    public static ProblemDetails Validate(ReportImplementationStep command) => command.Validate();

    public static ProblemDetails Before(ReportImplementationStep command, Commitment commitment) => command.Allowed(commitment);

    [WolverinePost("/api/commitments/{commitmentId}/steps", OperationId = "ReportImplementationStep"), Tags("Commitments")]
    [EndpointSummary("Report an implementation step taken by a party")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (Commitment, Events) Post(ReportImplementationStep command, [WriteAggregate("commitmentId")] Commitment commitment) =>
        Answer.After(commitment, command.Decide(commitment));
}
