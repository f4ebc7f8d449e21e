using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.ReadModels.Feed;

public static class FollowFeedEndpoint
{
    public const string LastEventIdHeader = "Last-Event-ID";

    /// <summary>
    /// Every event of the store as it is recorded, as server-sent events: the SSE id is the event's global
    /// sequence, the SSE event type its kind (development, correction, status). A client that reconnects
    /// sends the last id it received as Last-Event-ID (a browser's EventSource does so by itself) and
    /// resumes exactly after it; `after` chooses where a first connection starts (0: the whole history).
    /// Without either, the feed starts with the next event. A heartbeat event without id keeps proxies from
    /// closing a quiet connection.
    /// </summary>
    [WolverineGet("/api/feed", OperationId = "FollowFeed"), Tags("Feed")]
    [EndpointSummary("Follow new developments live (server-sent events, resumable with Last-Event-ID)")]
    [EndpointDescription(
        "Server-sent events, one per recorded event, in global sequence order. `id:` is the sequence, `event:` the kind " +
        "(development, correction, status; heartbeat events carry no id and no data), `data:` a FeedItem. " +
        "Resume with the Last-Event-ID header (EventSource sends it when it reconnects); start a first connection with " +
        "`after` (0 replays the whole history). Without either the feed starts with the next event. " +
        "A client that falls too far behind is disconnected and resumes from where it was.")]
    [ProducesResponseType<FeedItem>(StatusCodes.Status200OK, "text/event-stream")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<Results<ServerSentEventsResult<FeedItem>, ProblemHttpResult>> Get(
        FeedStream feed, FeedReader reader, HttpContext context,
        [FromHeader(Name = LastEventIdHeader)] string? lastEventId = null,
        [FromQuery] string? after = null)
    {
        var errors = new Dictionary<string, string[]>();
        var resumed = Position(LastEventIdHeader, lastEventId, errors);
        var start = Position("after", after, errors);
        if (errors.Count == 0 && (resumed ?? start) is { } position && position > await reader.LastCommittedAsync(context.RequestAborted))
            errors[resumed is null ? "after" : LastEventIdHeader] = [$"No event with sequence {position} has been recorded in this store."];
        if (errors.Count > 0)
            return TypedResults.Problem(new ValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid feed position",
                Detail = string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
            });

        // A reconnecting EventSource repeats the first URL, so the header wins over the query.
        return TypedResults.ServerSentEvents(feed.FollowAsync(resumed ?? start, context.RequestAborted));
    }

    private static long? Position(string field, string? text, Dictionary<string, string[]> errors)
    {
        if (text is null) return null;
        if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var position)) return position;
        errors[field] = ["A sequence number of the feed (an integer, 0 or more) is expected."];
        return null;
    }
}
