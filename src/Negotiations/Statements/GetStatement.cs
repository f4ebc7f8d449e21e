using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Statements;

public static class GetStatementEndpoint
{
    [WolverineGet("/api/statements/{statementId}", OperationId = "GetStatement"), Tags("Statements")]
    [EndpointSummary("Read a public statement")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<Statement>, ProblemHttpResult>> Get(Guid statementId, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<Statement>(statementId, cancellation) is { } statement
            ? TypedResults.Ok(statement)
            : TypedResults.Problem($"No statement has id {statementId}.", statusCode: 404, title: "Unknown statement");
}
