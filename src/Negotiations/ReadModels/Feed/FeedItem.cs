using JasperFx.Events;
using Negotiations.ReadModels.Links;
using Negotiations.Kernel;
using Negotiations.Understandings;

namespace Negotiations.ReadModels.Feed;

/// <summary>
/// One event of the store as the live feed sends it: its global sequence (also the SSE id), what it is,
/// which stream and understandings it concerns, when it happened and when and by whom it was recorded.
/// </summary>
public sealed record FeedItem(
    long Sequence,
    Guid EventId,
    Guid StreamId,
    long StreamVersion,
    string Concept,
    string EventType,
    string Kind,
    Occurrence? Occurred,
    DateTimeOffset Recorded,
    string? RecordedBy,
    IReadOnlyList<Guid> UnderstandingIds,
    object Data)
{
    /// <summary>
    /// The stream's concept comes from its link (a correction event lives in the stream it corrects, so
    /// its own namespace would say "Corrections"); the link's understandings are those the stream
    /// concerns now, which is what a dashboard routes by.
    /// </summary>
    public static FeedItem From(IEvent e, StreamLink? link) => new(
        e.Sequence,
        e.Id,
        e.StreamId,
        e.Version,
        link?.Concept ?? Concepts.Of(e.EventType),
        e.EventTypeName,
        FeedKind.Of(e.Data),
        (e.Data as IDevelopment)?.Provenance.Occurred,
        e.Timestamp,
        e.UserName,
        link?.UnderstandingIds ?? [],
        e.Data);
}

/// <summary>The SSE event type of each item, so that a dashboard can listen only to what it shows.</summary>
public static class FeedKind
{
    /// <summary>Something reported about the world: a round, a withdrawal, an appointment, a claim...</summary>
    public const string Development = "development";

    /// <summary>An earlier development retracted or corrected; a correction's replacement follows as its own item.</summary>
    public const string Correction = "correction";

    /// <summary>An understanding changed its PA-X stage or its lifecycle status.</summary>
    public const string Status = "status";

    /// <summary>Nothing new; sent without an id so that it does not move the client's Last-Event-ID.</summary>
    public const string Heartbeat = "heartbeat";

    public static string Of(object data) => data switch
    {
        DevelopmentRetracted or DevelopmentCorrected => Correction,
        UnderstandingStageChanged or UnderstandingLifecycleChanged => Status,
        _ => Development
    };
}
