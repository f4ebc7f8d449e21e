using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Negotiations.ReadModels.Feed;

/// <summary>One connected client's bounded queue of live items.</summary>
public sealed class FeedSubscriber(int capacity)
{
    private readonly Channel<FeedItem> _items = Channel.CreateBounded<FeedItem>(
        new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<FeedItem> Items => _items.Reader;

    /// <summary>True when the client fell too far behind and was cut off; it resumes from the database.</summary>
    public bool Overflowed { get; private set; }

    internal bool TryDeliver(IReadOnlyList<FeedItem> page)
    {
        foreach (var item in page)
        {
            if (_items.Writer.TryWrite(item)) continue;
            Overflowed = true;
            _items.Writer.TryComplete();
            return false;
        }
        return true;
    }

    internal void End() => _items.Writer.TryComplete();
}

/// <summary>
/// The one reader of new events on this node. It polls the safe mark (one small query per interval,
/// whatever the number of clients), reads the new events once, and hands each page to every connected
/// client's bounded queue. With no client connected it reads no events at all, it only moves its
/// position to the mark.
///
/// <see cref="Published"/> splits the history for a client that subscribes: everything up to it is
/// in the database below a safe mark (the client replays it from there), everything after it will be
/// delivered to the client's queue. Both are changed together under one lock.
/// </summary>
public sealed class FeedHub(FeedReader reader, IOptions<FeedSettings> options, IHostApplicationLifetime lifetime, ILogger<FeedHub> logger)
    : BackgroundService
{
    private readonly FeedSettings _settings = options.Value;
    private readonly Lock _gate = new();
    private readonly List<FeedSubscriber> _subscribers = [];
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _polled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _published;
    private bool _stopped;

    /// <summary>Everything up to here has been handed to the subscribers of the time (or needed no one).</summary>
    public async Task<long> PublishedAsync(CancellationToken cancellation)
    {
        await _started.Task.WaitAsync(cancellation);
        lock (_gate) return _published;
    }

    public int Subscribers { get { lock (_gate) return _subscribers.Count; } }

    /// <summary>Completes after the next full poll of the store; lets tests wait on the reader instead of on the clock.</summary>
    public Task NextPollAsync() { lock (_gate) return _polled.Task; }

    /// <summary>A queue for one client and the position from which it will be filled.</summary>
    public async Task<(FeedSubscriber Subscriber, long From)> SubscribeAsync(CancellationToken cancellation)
    {
        await _started.Task.WaitAsync(cancellation);
        var subscriber = new FeedSubscriber(Math.Max(_settings.ClientBuffer, _settings.PageSize));
        lock (_gate)
        {
            if (_stopped) subscriber.End();
            else _subscribers.Add(subscriber);
            return (subscriber, _published);
        }
    }

    public void Unsubscribe(FeedSubscriber subscriber)
    {
        lock (_gate) _subscribers.Remove(subscriber);
        subscriber.End();
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        // The server waits for requests in flight before hosted services stop, and a feed connection never ends by
        // itself: ended here at the first sign of stopping, it does not hold the stop until the shutdown timeout.
        await using var _ = lifetime.ApplicationStopping.Register(EndConnections);
        try
        {
            using var timer = new PeriodicTimer(_settings.PollInterval);
            do
            {
                try
                {
                    await PollAsync(stopping);
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    // The database may be away for a moment; the position is unchanged, the next poll resumes.
                    logger.LogWarning(e, "The live feed could not read the event store; retrying");
                }
                TaskCompletionSource polled;
                lock (_gate) (polled, _polled) = (_polled, new(TaskCreationOptions.RunContinuationsAsynchronously));
                polled.TrySetResult();
            } while (await timer.WaitForNextTickAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
        finally
        {
            EndConnections();
        }
    }

    /// <summary>Connections end when the node stops; clients resume on another node with Last-Event-ID.</summary>
    private void EndConnections()
    {
        lock (_gate)
        {
            _stopped = true;
            foreach (var subscriber in _subscribers) subscriber.End();
            _subscribers.Clear();
        }
        _started.TrySetCanceled();
    }

    private async Task PollAsync(CancellationToken cancellation)
    {
        if (!_started.Task.IsCompleted) await reader.PrepareAsync(cancellation);
        var mark = await reader.SafeMarkAsync(cancellation);
        if (!_started.Task.IsCompleted)
        {
            lock (_gate) _published = mark;
            _started.TrySetResult();
            return;
        }

        while (true)
        {
            long from;
            lock (_gate)
            {
                if (_published >= mark) return;
                if (_subscribers.Count == 0) { _published = mark; return; }
                from = _published;
            }

            var page = await reader.ReadAsync(from, mark, _settings.PageSize, cancellation);
            lock (_gate)
            {
                foreach (var subscriber in _subscribers.ToArray())
                {
                    if (subscriber.TryDeliver(page)) continue;
                    _subscribers.Remove(subscriber);
                    logger.LogInformation("A live feed client fell {Buffer} items behind and was disconnected; it will resume", _settings.ClientBuffer);
                }
                _published = FeedReader.EndOf(page, mark, _settings.PageSize);
            }
        }
    }
}
