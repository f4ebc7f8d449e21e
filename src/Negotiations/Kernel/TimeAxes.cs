namespace Negotiations.Kernel;

/// <summary>
/// The two time axes every read is asked on, with one name each across the API (and the dashboard's URLs):
/// asOf is the occurrence axis, a day ("as it stood on": developments that occurred by then); knownAt is the
/// recording axis, a moment ("as recorded up to": events recorded by then, so later corrections are not applied yet).
/// A range on one axis is from/to on the occurrence axis and recordedFrom/recordedTo on the recording axis.
/// </summary>
public static class TimeAxes
{
    public const string AsOf = "As it stood on this day, YYYY-MM-DD: only developments that occurred on or before it (counted from the first day they may have happened)";
    public const string KnownAt = "As recorded up to this moment, ISO-8601 (e.g. 2025-09-15T12:00:00Z; a bare date is its midnight UTC): only events recorded by then";
    public const string From = "Occurred on or after this day, YYYY-MM-DD (a development whose dates overlap the range counts)";
    public const string To = "Occurred on or before this day, YYYY-MM-DD (a development whose dates overlap the range counts)";
    public const string RecordedFrom = "Recorded at or after this moment, ISO-8601 (a bare date is its midnight UTC)";
    public const string RecordedTo = "Recorded at or before this moment, ISO-8601 (a bare date is its midnight UTC)";
    public const string ToSequence = "As recorded through the event of this global sequence (a release's sequence, GET /api/audit/releases): what was recorded by then, less what was taken back by then";
    public const string Version = "As it stood at this stream version (from 1); not together with knownAt";
}
