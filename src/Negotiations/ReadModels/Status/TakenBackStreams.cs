using JasperFx.Events;
using Negotiations.Kernel;
using Marten;

namespace Negotiations.ReadModels.Status;

/// <summary>
/// For every correction or retraction among some events: its stream as recorded up to it, with the replacement of a
/// correction, keeping only the events a fold counts. What <see cref="UnderstandingStatus.Include"/> refolds a part from.
/// </summary>
public static class TakenBackStreams
{
    /// <summary>The same from events in memory that hold every event of their streams (in sequence order).</summary>
    public static IReadOnlyDictionary<Guid, IReadOnlyList<IEvent>> From(IReadOnlyList<IEvent> events, Func<IEvent, bool> counts)
    {
        var streams = new Dictionary<Guid, IReadOnlyList<IEvent>>();
        foreach (var marker in events.Where(AsItStands.TakesBack))
        {
            var through = Through(marker);
            streams[marker.Id] = events.Where(e => e.StreamId == marker.StreamId && e.Version <= through && (e.Id == marker.Id || counts(e)))
                .OrderBy(e => e.Version).ToList();
        }
        return streams;
    }

    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<IEvent>>> ReadAsync(
        IQuerySession session, IEnumerable<IEvent> events, Func<IEvent, bool> counts, CancellationToken cancellation)
    {
        var markers = events.Where(AsItStands.TakesBack).ToList();
        var streams = new Dictionary<Guid, IReadOnlyList<IEvent>>();
        // One read per stream, however many of its developments the events take back.
        foreach (var inStream in markers.GroupBy(m => m.StreamId))
        {
            var stream = await session.Events.FetchStreamAsync(inStream.Key, inStream.Max(Through), token: cancellation);
            foreach (var marker in inStream)
            {
                var through = Through(marker);
                streams[marker.Id] = stream.Where(e => e.Version <= through && (e.Id == marker.Id || counts(e))).ToList();
            }
        }
        return streams;
    }

    private static long Through(IEvent marker) => marker.Version + (marker.Data is DevelopmentCorrected ? 1 : 0);
}
