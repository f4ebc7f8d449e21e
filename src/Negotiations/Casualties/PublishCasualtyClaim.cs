using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Negotiations.Understandings;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Casualties;

/// <summary>
/// Records the figures one source published for one incident or period and place. Another source's
/// figures for the same events are another claim: they stand side by side, never merged.
/// </summary>
public sealed record PublishCasualtyClaim(
    string Source,
    string Incident,
    string Place,
    Occurrence Period,
    CasualtyFigures Figures,
    IReadOnlyList<CasualtyBreakdown>? Breakdown,
    IReadOnlyList<Guid>? UnderstandingIds,
    Provenance Provenance,
    Guid? ClaimId = null)
{
    public ProblemDetails Validate()
    {
        var problems = new Problems()
            .Text("source", Source)
            .Text("incident", Incident, max: 2000)
            .Text("place", Place)
            .Occurrence("period", Period)
            .Figures(Figures)
            .Breakdown(Breakdown, Figures)
            .When(ClaimId == Guid.Empty, "claimId", "Leave it out, or give a non-empty id.");
        return problems.Ids("understandingIds", UnderstandingIds, "understanding").Check(Provenance).Result();
    }

    public CasualtyClaimPublished Decide(Guid id) =>
        new(id, Source.Trim(), Incident.Trim(), Place.Trim(), Period, Figures, (Breakdown ?? []).Trimmed(),
            (UnderstandingIds ?? []).Distinct().ToList(), Provenance);
}

public static class PublishCasualtyClaimEndpoint
{
    public static ProblemDetails Validate(PublishCasualtyClaim command) => command.Validate();

    /// <summary>Linked understandings must exist: 404 otherwise.</summary>
    [ChecksNamedUnderstandings(nameof(PublishCasualtyClaim.UnderstandingIds))]
    public static Task<ProblemDetails> ValidateAsync(PublishCasualtyClaim command, IDocumentSession session, CancellationToken cancellation) =>
        KnownUnderstandings.CheckAsync(session, command.UnderstandingIds, cancellation);

    [WolverinePost("/api/casualty-claims", OperationId = "PublishCasualtyClaim"), Tags("Casualties")]
    [EndpointSummary("Record the casualty figures a source published")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static (CreationResponse<Guid>, IStartStream) Post(PublishCasualtyClaim command)
    {
        var id = command.ClaimId ?? Guid.CreateVersion7();
        return (new CreationResponse<Guid>($"/api/casualty-claims/{id}", id), MartenOps.StartStream<CasualtyClaim>(id, command.Decide(id)));
    }
}
