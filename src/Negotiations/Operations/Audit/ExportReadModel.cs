using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Operations.Audit;

public static class ExportReadModelEndpoint
{
    /// <summary>A read model as CSV: statuses, understandings, rounds, zones, mechanisms, offices, commitments, casualty-claims or statements.</summary>
    [WolverineGet("/api/audit/export/{readModel}.csv", OperationId = "ExportReadModel"), Tags("Audit")]
    [EndpointSummary("Export a read model as CSV")]
    [ProducesResponseType(typeof(string), StatusCodes.Status200OK, "text/csv")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Results<PushStreamHttpResult, ProblemHttpResult> ReadModel(string readModel, Exports exports, HttpContext context) =>
        Exports.ReadModels.Contains(readModel)
            ? TypedResults.Stream(async stream => await exports.WriteCsvAsync(readModel, stream, context.RequestAborted), "text/csv; charset=utf-8", $"{readModel}.csv")
            : TypedResults.Problem($"No read model is called {readModel}; these export: {string.Join(", ", Exports.ReadModels)}.", statusCode: 404, title: "Unknown read model");
}
