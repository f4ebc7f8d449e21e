using Negotiations.Operations.Releases;

namespace Negotiations.Dashboard;

/// <summary>What the layout needs of every dashboard page: the time axes, the days to move through, and where the page stands in the event sequence.</summary>
public interface IDashboardPage
{
    TimeChoice Time { get; }

    /// <summary>Why the query's time values were refused (the page answers 400 with them).</summary>
    IReadOnlyList<string> Problems { get; }

    /// <summary>The first days developments may have happened on: the stops of the time slider.</summary>
    IReadOnlyList<DateOnly> Dates { get; }

    /// <summary>The global sequence of the last event in the store when the page was read; live updates newer than it refresh the page.</summary>
    long LastEvent { get; }

    /// <summary>Whether what the page shows lags behind the events (an asynchronous read model catching up).</summary>
    bool Behind { get; }

    /// <summary>The understanding the page is about, if it is about one: live updates that concern another are only listed.</summary>
    Guid? UnderstandingId { get; }

    /// <summary>The releases the record can be shown as of, earliest first.</summary>
    IReadOnlyList<ReleaseSummary> Releases => [];

    /// <summary>Whether the page shows the record at a time (the time controls and live updates), or reference text.</summary>
    bool ShowsTime => true;
}
