using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Negotiations.Understandings;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Statements;

/// <summary>
/// Logs a party's or mediator's public statement about one or more understandings. One stream per
/// statement; a client may choose its id.
/// </summary>
public sealed record MakeStatement(
    string Speaker,
    PartyRole Role,
    string Summary,
    IReadOnlyList<Guid> UnderstandingIds,
    Provenance Provenance,
    string? OnBehalfOf = null,
    string? Place = null,
    Guid? StatementId = null)
{
    public const int MaxSummary = 4000;

    public ProblemDetails Validate()
    {
        var problems = new Problems()
            .Text("speaker", Speaker)
            .Text("onBehalfOf", OnBehalfOf, required: false)
            .Defined("role", Role)
            .Text("summary", Summary, max: MaxSummary)
            .Text("place", Place, required: false)
            .When(StatementId == Guid.Empty, "statementId", "Leave it out, or give a non-empty id.");
        if (UnderstandingIds is null || UnderstandingIds.Count == 0) problems.Add("understandingIds", "A statement is about at least one understanding.");
        else problems.Ids("understandingIds", UnderstandingIds, "understanding");
        return problems.Check(Provenance).Result();
    }

    public StatementMade Decide(Guid id) =>
        new(id, Speaker.Trim(), Optional(OnBehalfOf), Role, Summary.Trim(), Optional(Place), UnderstandingIds.Distinct().ToList(), Provenance);

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public static class MakeStatementEndpoint
{
    public static ProblemDetails Validate(MakeStatement command) => command.Validate();

    /// <summary>Then, once its own shape is right, that the understandings it names exist (404).</summary>
    [ChecksNamedUnderstandings(nameof(MakeStatement.UnderstandingIds))]
    public static Task<ProblemDetails> ValidateAsync(MakeStatement command, IQuerySession session, CancellationToken cancellation) =>
        KnownUnderstandings.CheckAsync(session, command.UnderstandingIds, cancellation);

    [WolverinePost("/api/statements", OperationId = "MakeStatement"), Tags("Statements")]
    [EndpointSummary("Log a public statement about one or more understandings")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static (CreationResponse<Guid>, IStartStream) Post(MakeStatement command)
    {
        var id = command.StatementId ?? Guid.CreateVersion7();
        return (new CreationResponse<Guid>($"/api/statements/{id}", id), MartenOps.StartStream<Statement>(id, command.Decide(id)));
    }
}
