namespace Negotiations.ReadModels.Feed;

/// <summary>How the live feed reads the store and how much it keeps for each client ("Negotiations:Feed").</summary>
public sealed class FeedSettings
{
    public const string Section = "Negotiations:Feed";

    /// <summary>How often each node's reader looks at the store's safe mark: one cheap query per node, whatever the number of clients.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Events read from the database in one query, for the live tail and for a client's replay.</summary>
    public int PageSize { get; set; } = 256;

    /// <summary>
    /// Items waiting for one client. A client that falls this far behind is disconnected; it resumes
    /// with Last-Event-ID from the database, so a slow client costs a reconnect, never unbounded memory.
    /// At least PageSize, so that an idle client always takes a whole page.
    /// </summary>
    public int ClientBuffer { get; set; } = 1024;

    /// <summary>How long a connection may stay silent before a heartbeat keeps proxies from closing it.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The SSE retry hint: how soon a disconnected client (a slow one, or one whose node stopped) comes back.</summary>
    public TimeSpan Reconnect { get; set; } = TimeSpan.FromSeconds(2);
}
