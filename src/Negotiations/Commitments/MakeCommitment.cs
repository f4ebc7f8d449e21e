using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Negotiations.Understandings;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Commitments;

/// <summary>Records a provision of a roadmap or agreement: what was promised, by whom, backed by whom, by when.</summary>
public sealed record MakeCommitment(
    Guid UnderstandingId,
    string Text,
    CommitmentCategory Category,
    string ResponsibleParty,
    IReadOnlyList<string>? Backers,
    DateOnly? Deadline,
    Provenance Provenance,
    Guid? CommitmentId = null,
    string? CategoryLabel = null)
{
    public ProblemDetails Validate()
    {
        var problems = new Problems()
            .When(UnderstandingId == Guid.Empty, "understandingId", "The understanding the commitment belongs to is required.")
            .Text("text", Text, max: CommitmentRules.MaxLongText)
            .Defined("category", Category)
            .Labelled("categoryLabel", Category, CategoryLabel, "category")
            .Text("responsibleParty", ResponsibleParty)
            .When(CommitmentId == Guid.Empty, "commitmentId", "Leave it out, or give a non-empty id.");
        if (Backers is { Count: > CommitmentRules.MaxBackers }) problems.Add("backers", $"At most {CommitmentRules.MaxBackers} backers.");
        else if (Backers is not null)
        {
            for (var i = 0; i < Backers.Count; i++) problems.Text($"backers[{i}]", Backers[i]);
            if (Backers.Where(b => !string.IsNullOrWhiteSpace(b)).GroupBy(b => b.Trim(), StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
                problems.Add("backers", "Each backer is named once.");
        }
        return problems.Check(Provenance).Result();
    }

    /// <summary>The decider: making a commitment always starts a new stream.</summary>
    public CommitmentMade Decide(Guid id) =>
        new(id, UnderstandingId, Text.Trim(), Category, ResponsibleParty.Trim(), (Backers ?? []).Select(b => b.Trim()).ToList(), Deadline, Provenance,
            CategoryLabel?.Trim());
}

public static class MakeCommitmentEndpoint
{
    public static ProblemDetails Validate(MakeCommitment command) => command.Validate();

    /// <summary>The understanding must exist: 404 otherwise.</summary>
    [ChecksNamedUnderstandings(nameof(MakeCommitment.UnderstandingId))]
    public static Task<ProblemDetails> ValidateAsync(MakeCommitment command, IDocumentSession session, CancellationToken cancellation) =>
        KnownUnderstandings.CheckAsync(session, [command.UnderstandingId], cancellation);

    [WolverinePost("/api/commitments", OperationId = "MakeCommitment"), Tags("Commitments")]
    [EndpointSummary("Record a commitment made within an understanding")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static (CreationResponse<Guid>, IStartStream) Post(MakeCommitment command)
    {
        var id = command.CommitmentId ?? Guid.CreateVersion7();
        return (new CreationResponse<Guid>($"/api/commitments/{id}", id), MartenOps.StartStream<Commitment>(id, command.Decide(id)));
    }
}
