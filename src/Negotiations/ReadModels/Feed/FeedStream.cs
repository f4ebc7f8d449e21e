using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace Negotiations.ReadModels.Feed;

/// <summary>
/// What one client receives: the history after its position, replayed from the database, then the live
/// tail from the node's <see cref="FeedHub"/>, each event exactly once and in sequence order.
/// </summary>
public sealed class FeedStream(FeedHub hub, FeedReader reader, IOptions<FeedSettings> options)
{
    private readonly FeedSettings _settings = options.Value;

    /// <param name="after">The last sequence the client has; null for "from now on".</param>
    public async IAsyncEnumerable<SseItem<FeedItem>> FollowAsync(long? after, [EnumeratorCancellation] CancellationToken cancellation)
    {
        // 1. A long history is replayed before subscribing, so that it holds no live buffer meanwhile.
        var published = await hub.PublishedAsync(cancellation);
        var cursor = after ?? published;
        await foreach (var item in ReplayAsync(cursor, published, cancellation)) yield return Sse(item);
        cursor = Math.Max(cursor, published);

        // 2. Subscribe, then replay the little the hub published in the meantime: the queue starts right after it.
        var (subscriber, from) = await hub.SubscribeAsync(cancellation);
        try
        {
            // Sent at once, so that the response starts (and an EventSource opens) even when nothing is new;
            // it also tells the client how soon to come back after a disconnect.
            yield return new SseItem<FeedItem>(null!, FeedKind.Heartbeat) { ReconnectionInterval = _settings.Reconnect };
            await foreach (var item in ReplayAsync(cursor, from, cancellation)) yield return Sse(item);
            cursor = Math.Max(cursor, from);

            // 3. The live tail. Sequences at or below the cursor were sent already (a client that resumed
            // ahead of this node's reader, after a reconnect to another node); they are skipped.
            while (true)
            {
                var next = await WaitAsync(subscriber, cancellation);
                if (next == Next.Ended) yield break; // stopped, or too slow: the client reconnects with Last-Event-ID
                if (next == Next.Quiet)
                {
                    yield return new SseItem<FeedItem>(null!, FeedKind.Heartbeat);
                    continue;
                }
                while (subscriber.Items.TryRead(out var item))
                {
                    if (item.Sequence <= cursor) continue;
                    cursor = item.Sequence;
                    yield return Sse(item);
                }
            }
        }
        finally
        {
            hub.Unsubscribe(subscriber);
        }
    }

    private enum Next { Items, Quiet, Ended }

    private async Task<Next> WaitAsync(FeedSubscriber subscriber, CancellationToken cancellation)
    {
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        quiet.CancelAfter(_settings.Heartbeat);
        try
        {
            return await subscriber.Items.WaitToReadAsync(quiet.Token) ? Next.Items : Next.Ended;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return Next.Quiet;
        }
    }

    private async IAsyncEnumerable<FeedItem> ReplayAsync(long after, long upTo, [EnumeratorCancellation] CancellationToken cancellation)
    {
        while (after < upTo)
        {
            var page = await reader.ReadAsync(after, upTo, _settings.PageSize, cancellation);
            foreach (var item in page) yield return item;
            after = FeedReader.EndOf(page, upTo, _settings.PageSize);
        }
    }

    private static SseItem<FeedItem> Sse(FeedItem item) =>
        new(item, item.Kind) { EventId = item.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
