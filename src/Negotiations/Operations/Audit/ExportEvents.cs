using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Operations.Audit;

public static class ExportEventsEndpoint
{
    /// <summary>
    /// The event log as JSON Lines (application/x-ndjson), whole or by sequence range, recorded-time range (recordedFrom/recordedTo) or
    /// stream; streamed as it is read, with each event's chain link so that the chain can be recomputed from it.
    /// </summary>
    [WolverineGet("/api/audit/export/events", OperationId = "ExportEvents"), Tags("Audit")]
    [EndpointSummary("Export the event log as JSON Lines, whole, by stream or by range")]
    [ProducesResponseType(typeof(string), StatusCodes.Status200OK, "application/x-ndjson")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static Results<PushStreamHttpResult, ProblemHttpResult> Events(Exports exports, HttpContext context,
        [FromQuery] long? fromSequence = null, [FromQuery] long? toSequence = null,
        [FromQuery, Description(TimeAxes.RecordedFrom)] DateTimeOffset? recordedFrom = null, [FromQuery, Description(TimeAxes.RecordedTo)] DateTimeOffset? recordedTo = null,
        [FromQuery] Guid? streamId = null)
    {
        var filter = new EventFilter(fromSequence, toSequence, recordedFrom, recordedTo, streamId);
        if (AuditQuery.Check(filter, null) is { } problem) return problem;
        return TypedResults.Stream(async (stream) => await exports.WriteEventsAsync(stream, filter, context.RequestAborted),
            "application/x-ndjson", "events.jsonl");
    }
}
