using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Casualties;

/// <summary>
/// The source that published the claim gives new figures. Source names it, so that another source's
/// figures are never folded into this claim (422: publish them as a claim of their own). A missing
/// breakdown keeps the latest one; an empty list clears it. The same figures again append nothing.
/// </summary>
public sealed record ReviseCasualtyClaim(
    string Source,
    CasualtyFigures Figures,
    IReadOnlyList<CasualtyBreakdown>? Breakdown,
    string? Note,
    Provenance Provenance,
    [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        CasualtyClaimRevised.Rules(new Problems().Text("source", Source), Figures, Breakdown, Note)
            .Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(CasualtyClaim claim) =>
        CasualtyRules.Open(ExpectedVersion, claim) is var open && open != WolverineContinue.NoProblems ? open
        : !CasualtyRules.SameSource(Source, claim.Source)
            ? DomainProblem.Refused(
                $"This claim is {claim.Source}'s; only {claim.Source} revises it. Publish {Source.Trim()}'s figures as a claim of their own.")
        : WolverineContinue.NoProblems;

    public IEnumerable<object> Decide(CasualtyClaim claim)
    {
        var breakdown = Breakdown?.Trimmed() ?? claim.Breakdown;
        return claim.Figures == Figures && claim.Breakdown.SequenceEqual(breakdown)
            ? []
            : [new CasualtyClaimRevised(claim.Id, Figures, breakdown, Note?.Trim(), Provenance)];
    }
}

public static class ReviseCasualtyClaimEndpoint
{
    public static ProblemDetails Validate(ReviseCasualtyClaim command) => command.Validate();

    public static ProblemDetails Before(ReviseCasualtyClaim command, CasualtyClaim claim) => command.Allowed(claim);

    [WolverinePost("/api/casualty-claims/{claimId}/revisions", OperationId = "ReviseCasualtyClaim"), Tags("Casualties")]
    [EndpointSummary("Record revised figures from the claim's own source")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (CasualtyClaim, Events) Post(ReviseCasualtyClaim command, [WriteAggregate("claimId")] CasualtyClaim claim) =>
        Answer.After(claim, command.Decide(claim));
}
