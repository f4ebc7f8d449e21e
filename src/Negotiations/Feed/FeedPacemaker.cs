using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;

namespace Negotiations.Feed;

/// <summary>
/// Keeps the async daemon's high-water detection running, which is what the feed reads as its safe mark.
/// The daemon only detects the mark while it has a shard to feed; as long as every other read model is
/// inline this subscription is that shard. It runs on one node (the daemon's), reads each event once, and
/// does nothing with it. Once asynchronous projections exist it only costs that one extra read.
/// </summary>
public sealed class FeedPacemaker : SubscriptionBase
{
    public FeedPacemaker() => Name = "LiveFeed";

    public override Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken) => Task.FromResult(NullChangeListener.Instance);
}
