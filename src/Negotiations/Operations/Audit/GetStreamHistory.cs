using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Operations.Audit;

public static class GetStreamHistoryEndpoint
{
    /// <summary>Every event of one stream, in order, paged like the whole history.</summary>
    [WolverineGet("/api/audit/streams/{streamId}/events", OperationId = "GetStreamHistory"), Tags("Audit")]
    [EndpointSummary("Read every event of one stream with provenance, author, chain link and corrections")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> GetStream(Guid streamId, AuditHistory history, CancellationToken cancellation,
        [FromQuery] long? fromSequence = null, [FromQuery] int? pageSize = null)
    {
        var filter = new EventFilter(fromSequence, StreamId: streamId);
        if (AuditQuery.Check(filter, pageSize) is { } problem) return problem;
        if (!await history.StreamExistsAsync(streamId, cancellation))
            return TypedResults.Problem($"No stream has id {streamId}.", statusCode: 404, title: "Unknown stream");
        return TypedResults.Ok(await history.PageAsync(filter, pageSize ?? AuditQuery.DefaultPageSize, cancellation));
    }
}
