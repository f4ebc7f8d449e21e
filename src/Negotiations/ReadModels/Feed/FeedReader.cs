using JasperFx.Events.Projections;
using Marten;
using Negotiations.ReadModels.Links;

namespace Negotiations.ReadModels.Feed;

/// <summary>
/// Reads the event store for the feed, never beyond the safe mark.
///
/// Marten takes each event's sequence from a PostgreSQL sequence before its transaction commits, so
/// sequences become visible out of order: while a slow transaction holding 41 is still open, 42 may
/// already be committed. A reader that went past 41 would never see it. The async daemon's high-water
/// detection solves exactly this and persists its answer in mt_event_progression ("HighWaterMark"):
/// every sequence up to it is either committed or proven never to commit (its transaction rolled back;
/// Marten checks pg_locks / pg_stat_activity / the snapshot before it skips a stale gap). The feed reads
/// only up to that mark, so it sees the same events, in the same order, as the async projections do,
/// and every node of the application reads the same mark from the one database.
/// </summary>
public sealed class FeedReader(IDocumentStore store)
{
    private string Schema => store.Options.Events.DatabaseSchemaName;

    /// <summary>The event tables, mt_event_progression among them, exist before the first read of the mark.</summary>
    public ValueTask PrepareAsync(CancellationToken cancellation) =>
        store.Storage.Database.EnsureStorageExistsAsync(typeof(JasperFx.Events.IEvent), cancellation);

    /// <summary>The highest sequence up to which nothing can still appear (0 before the daemon first marks it).</summary>
    public async Task<long> SafeMarkAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var marks = await session.QueryAsync<long>(
            $"select last_seq_id from {Schema}.mt_event_progression where name = '{ShardState.HighWaterMark}'", cancellation);
        return marks.Count == 0 ? 0 : marks[0];
    }

    /// <summary>The highest sequence ever committed; no client can have seen one above it.</summary>
    public async Task<long> LastCommittedAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return (await session.QueryAsync<long>($"select coalesce(max(seq_id), 0) from {Schema}.mt_events", cancellation)).Single();
    }

    /// <summary>
    /// The events after <paramref name="after"/> up to <paramref name="upTo"/> (a safe mark), in sequence
    /// order, at most <paramref name="limit"/>, with the links of their streams.
    /// </summary>
    public async Task<IReadOnlyList<FeedItem>> ReadAsync(long after, long upTo, int limit, CancellationToken cancellation)
    {
        if (upTo <= after) return [];
        await using var session = store.QuerySession();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > after && e.Sequence <= upTo)
            .OrderBy(e => e.Sequence)
            .Take(limit)
            .ToListAsync(cancellation);
        if (events.Count == 0) return [];

        var links = (await session.LoadManyAsync<StreamLink>(cancellation, events.Select(e => e.StreamId).Distinct()))
            .ToDictionary(l => l.Id);
        return events.Select(e => FeedItem.From(e, links.GetValueOrDefault(e.StreamId))).ToList();
    }

    /// <summary>Where a page of a read ends: its last event, or the mark itself when the page was not full (the rest were gaps).</summary>
    public static long EndOf(IReadOnlyList<FeedItem> page, long upTo, int limit) => page.Count < limit ? upTo : page[^1].Sequence;
}
