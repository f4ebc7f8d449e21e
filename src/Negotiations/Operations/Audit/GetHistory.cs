using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Operations.Audit;

public static class GetHistoryEndpoint
{
    /// <summary>
    /// Every event of the store in global sequence order, optionally within a sequence range and a recorded-time
    /// range (recordedFrom/recordedTo, ISO-8601; a bare date is its midnight UTC). Paged by sequence: ask again with
    /// fromSequence = nextFromSequence until it is null.
    /// </summary>
    [WolverineGet("/api/audit/events", OperationId = "GetHistory"), Tags("Audit")]
    [EndpointSummary("Read the whole event history by sequence or recorded-time range, with provenance, author and chain link")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> Get(AuditHistory history, CancellationToken cancellation,
        [FromQuery] long? fromSequence = null, [FromQuery] long? toSequence = null,
        [FromQuery, Description(TimeAxes.RecordedFrom)] DateTimeOffset? recordedFrom = null, [FromQuery, Description(TimeAxes.RecordedTo)] DateTimeOffset? recordedTo = null,
        [FromQuery] int? pageSize = null)
    {
        var filter = new EventFilter(fromSequence, toSequence, recordedFrom, recordedTo);
        if (AuditQuery.Check(filter, pageSize) is { } problem) return problem;
        return TypedResults.Ok(await history.PageAsync(filter, pageSize ?? AuditQuery.DefaultPageSize, cancellation));
    }
}
