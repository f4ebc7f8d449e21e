using Negotiations.Kernel;
using JasperFx.Events;

namespace Negotiations.ReadModels.Links;

/// <summary>
/// Which understandings a stream concerns, and what kind of stream it is. Status and timeline read
/// models use it to gather the developments of one understanding from every stream that concerns it.
/// </summary>
public sealed record StreamLink(Guid Id, string Concept, IReadOnlyList<Guid> UnderstandingIds)
{
    /// <summary>The concept of a stream is the folder (namespace) of its events (Concepts.Of): Rounds, Zones, ...</summary>
    public static StreamLink? Fold(StreamLink? link, IEvent e) => (link, e.Data) switch
    {
        (null, ILinksUnderstandings l) => new StreamLink(e.StreamId, Concepts.Of(e.EventType), l.UnderstandingIds.Distinct().ToList()),
        ({ } s, ILinksUnderstandings l) => s with { UnderstandingIds = s.UnderstandingIds.Union(l.UnderstandingIds).ToList() },
        _ => link
    };
}
