using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Negotiations.Casualties;
using Negotiations.Understandings;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Incidents;

/// <summary>
/// Logs an incident: its kind, what the source says happened, the actors it names, where (a GeoJSON geometry with
/// its precision), the understandings it concerns (none is fine: an incident need not be about one) and the casualty
/// claims whose figures count its dead or wounded. One stream per incident; a client may choose its id.
/// </summary>
public sealed record ReportIncident(
    IncidentKind Kind,
    string Summary,
    Place Place,
    Provenance Provenance,
    IReadOnlyList<Actor>? Actors = null,
    IReadOnlyList<Guid>? UnderstandingIds = null,
    string? KindLabel = null,
    Guid? IncidentId = null,
    IReadOnlyList<Guid>? CasualtyClaimIds = null)
{
    public const int MaxSummary = 4000;
    public const int MaxActors = 20;

    public ProblemDetails Validate()
    {
        var problems = new Problems()
            .Defined("kind", Kind)
            .Labelled("kindLabel", Kind, KindLabel, "kind")
            .Text("summary", Summary, max: MaxSummary)
            .Check(Place, "place", required: true)
            .When(IncidentId == Guid.Empty, "incidentId", "Leave it out, or give a non-empty id.")
            .PlacedOnce(Provenance, "place");
        if (Actors?.Count > MaxActors) problems.Add("actors", $"At most {MaxActors} actors.");
        else
            for (var i = 0; i < (Actors?.Count ?? 0); i++)
            {
                if (Actors![i] is not { } actor) { problems.Add($"actors[{i}]", "An actor cannot be null."); continue; }
                problems.Text($"actors[{i}].name", actor.Name).Defined($"actors[{i}].role", actor.Role);
            }
        return problems.Ids("understandingIds", UnderstandingIds, "understanding").Ids("casualtyClaimIds", CasualtyClaimIds, "casualty claim")
            .Check(Provenance).Result();
    }

    public IncidentReported Decide(Guid id) =>
        new(id, Kind, KindLabel?.Trim(), Summary.Trim(), (Actors ?? []).Select(a => a with { Name = a.Name.Trim() }).ToList(),
            Place.Trimmed(), (UnderstandingIds ?? []).Distinct().ToList(), Provenance, (CasualtyClaimIds ?? []).Distinct().ToList());
}

public static class ReportIncidentEndpoint
{
    public static ProblemDetails Validate(ReportIncident command) => command.Validate();

    /// <summary>Then, once its own shape is right, that the understandings and casualty claims it names exist (404).</summary>
    [ChecksNamedUnderstandings(nameof(ReportIncident.UnderstandingIds))]
    [ChecksNamed(typeof(CasualtyClaim), nameof(ReportIncident.CasualtyClaimIds))]
    public static async Task<ProblemDetails> ValidateAsync(ReportIncident command, IQuerySession session, CancellationToken cancellation) =>
        await KnownUnderstandings.CheckAsync(session, command.UnderstandingIds, cancellation) is var unknown && unknown != WolverineContinue.NoProblems
            ? unknown
            : await KnownStreams.CheckAsync<CasualtyClaim>(session, command.CasualtyClaimIds, "casualty claim", cancellation);

    [WolverinePost("/api/incidents", OperationId = "ReportIncident"), Tags("Incidents")]
    [EndpointSummary("Log an incident (an air strike, shelling, a clash, a raid, an arrest) with its place as GeoJSON")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static (CreationResponse<Guid>, IStartStream) Post(ReportIncident command)
    {
        var id = command.IncidentId ?? Guid.CreateVersion7();
        return (new CreationResponse<Guid>($"/api/incidents/{id}", id), MartenOps.StartStream<Incident>(id, command.Decide(id)));
    }
}
