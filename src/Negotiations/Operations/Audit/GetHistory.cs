using Negotiations.Kernel;
using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Operations.Audit;

public static class GetHistoryEndpoint
{
    public const int DefaultPageSize = 100;

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
        if (Check(filter, pageSize) is { } problem) return problem;
        return TypedResults.Ok(await history.PageAsync(filter, pageSize ?? DefaultPageSize, cancellation));
    }

    /// <summary>Every event of one stream, in order, paged like the whole history.</summary>
    [WolverineGet("/api/audit/streams/{streamId}/events", OperationId = "GetStreamHistory"), Tags("Audit")]
    [EndpointSummary("Read every event of one stream with provenance, author, chain link and corrections")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> GetStream(Guid streamId, AuditHistory history, CancellationToken cancellation,
        [FromQuery] long? fromSequence = null, [FromQuery] int? pageSize = null)
    {
        var filter = new EventFilter(fromSequence, StreamId: streamId);
        if (Check(filter, pageSize) is { } problem) return problem;
        if (!await history.StreamExistsAsync(streamId, cancellation))
            return TypedResults.Problem($"No stream has id {streamId}.", statusCode: 404, title: "Unknown stream");
        return TypedResults.Ok(await history.PageAsync(filter, pageSize ?? DefaultPageSize, cancellation));
    }

    internal static ProblemHttpResult? Check(EventFilter filter, int? pageSize)
    {
        var problems = filter.Check(new Problems())
            .When(pageSize is < 1 or > EventFilter.MaxPageSize, "pageSize", $"Between 1 and {EventFilter.MaxPageSize}.");
        return problems.Any ? TypedResults.Problem(problems.Result()) : null;
    }
}
