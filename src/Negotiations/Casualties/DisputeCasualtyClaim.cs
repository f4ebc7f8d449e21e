using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Casualties;

/// <summary>
/// Another source contests the claim. A source does not dispute its own figures, it revises them (422).
/// The same source with the same reason again appends nothing.
/// </summary>
public sealed record DisputeCasualtyClaim(string DisputedBy, string Reason, Provenance Provenance, [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        CasualtyClaimDisputed.Rules(new Problems(), DisputedBy, Reason).Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(CasualtyClaim claim) =>
        CasualtyRules.Open(ExpectedVersion, claim) is var open && open != WolverineContinue.NoProblems ? open
        : CasualtyRules.SameSource(DisputedBy, claim.Source)
            ? DomainProblem.Refused($"{claim.Source} published this claim; a source revises its own figures rather than disputing them.")
        : WolverineContinue.NoProblems;

    public IEnumerable<object> Decide(CasualtyClaim claim) =>
        claim.DisputedBefore(DisputedBy, Reason)
            ? []
            : [new CasualtyClaimDisputed(claim.Id, DisputedBy.Trim(), Reason.Trim(), Provenance)];
}

public static class DisputeCasualtyClaimEndpoint
{
    public static ProblemDetails Validate(DisputeCasualtyClaim command) => command.Validate();

    public static ProblemDetails Before(DisputeCasualtyClaim command, CasualtyClaim claim) => command.Allowed(claim);

    [WolverinePost("/api/casualty-claims/{claimId}/disputes", OperationId = "DisputeCasualtyClaim"), Tags("Casualties")]
    [EndpointSummary("Record that another source disputes a casualty claim")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (CasualtyClaim, Events) Post(DisputeCasualtyClaim command, [WriteAggregate("claimId")] CasualtyClaim claim) =>
        Answer.After(claim, command.Decide(claim));
}
