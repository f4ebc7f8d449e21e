using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Understandings;

/// <summary>
/// Proposes a new understanding. A client may choose its id (bulk imports refer to it in later lines). A kind the
/// codebook does not have is "other" with a label in the source's words.
/// </summary>
public sealed record ProposeUnderstanding(
    string Title,
    UnderstandingKind Kind,
    IReadOnlyList<Party> Parties,
    PaxStage Stage,
    Provenance Provenance,
    Guid? UnderstandingId = null,
    string? KindLabel = null,
    string? StageLabel = null)
{
    public const int MaxParties = 50;

    public ProblemDetails Validate()
    {
        var problems = new Problems()
            .Text("title", Title)
            .Defined("kind", Kind)
            .Labelled("kindLabel", Kind, KindLabel, "kind")
            .Defined("stage", Stage)
            .Labelled("stageLabel", Stage, StageLabel, "stage")
            .When(UnderstandingId == Guid.Empty, "understandingId", "Leave it out, or give a non-empty id.");
        if (Parties is null || Parties.Count == 0) problems.Add("parties", "At least one party is required.");
        else if (Parties.Count > MaxParties) problems.Add("parties", $"At most {MaxParties} parties.");
        else
            for (var i = 0; i < Parties.Count; i++)
            {
                if (Parties[i] is not { } party) { problems.Add($"parties[{i}]", "A party cannot be null."); continue; }
                problems.Text($"parties[{i}].name", party.Name).Defined($"parties[{i}].role", party.Role);
            }
        if (Parties is { Count: > 0 } && Parties.Where(p => p is not null).GroupBy(p => p.Name?.Trim(), StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
            problems.Add("parties", "Each party is named once.");
        return problems.Check(Provenance).Result();
    }

    /// <summary>The decider: a proposal always starts a new stream.</summary>
    public UnderstandingProposed Decide(Guid id) =>
        new(id, Title.Trim(), Kind, Parties.Select(p => p with { Name = p.Name.Trim() }).ToList(), Stage, Provenance, KindLabel?.Trim(), StageLabel?.Trim());
}

public static class ProposeUnderstandingEndpoint
{
    public static ProblemDetails Validate(ProposeUnderstanding command) => command.Validate();

    [WolverinePost("/api/understandings", OperationId = "ProposeUnderstanding"), Tags("Understandings")]
    [EndpointSummary("Propose an understanding")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public static (CreationResponse<Guid>, IStartStream) Post(ProposeUnderstanding command)
    {
        var id = command.UnderstandingId ?? Guid.CreateVersion7();
        return (new CreationResponse<Guid>($"/api/understandings/{id}", id),
            MartenOps.StartStream<Understanding>(id, command.Decide(id)));
    }
}
