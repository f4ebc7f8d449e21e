using System.Globalization;

namespace Negotiations.Dashboard;

/// <summary>
/// The two time axes a dashboard page is shown on, as the URL keeps them: asOf (YYYY-MM-DD, "as it stood on":
/// developments that occurred by that day) and knownAt (an ISO-8601 moment, "as known at": events recorded by
/// then). Both optional; both may be combined. A knownAt without an offset is read as UTC, which is what a
/// browser's datetime-local control sends. Instead of knownAt, a release (release=NAME) cuts the recording axis where
/// the release was frozen: the events through its sequence, with its statuses counted on the day it was frozen.
/// </summary>
public sealed record TimeChoice(DateOnly? AsOf, DateTimeOffset? KnownAt, Negotiations.Operations.Releases.ReleaseSummary? Release = null)
{
    public static TimeChoice Now { get; } = new(null, null);

    public bool IsNow => AsOf is null && KnownAt is null && Release is null;

    /// <summary>The last sequence that counts: a release's, or none.</summary>
    public long? Through => Release?.Sequence;

    /// <summary>The day statuses are counted on (overdue commitments, next rounds): asOf, else the release's day, else today.</summary>
    public DateOnly ReferenceDay(DateOnly today) => AsOf ?? Release?.Day ?? today;

    public string? AsOfText => AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The value of a datetime-local control, in UTC, to the second.</summary>
    public string? KnownAtText => KnownAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Parses the query's values; an empty value (a form sent with the field left blank) means "not chosen".</summary>
    public static (TimeChoice Choice, IReadOnlyList<string> Problems) Parse(string? asOf, string? knownAt)
    {
        var problems = new List<string>();
        DateOnly? day = null;
        DateTimeOffset? moment = null;
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (DateOnly.TryParseExact(asOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) day = d;
            else problems.Add($"\"{asOf}\" is not a date: the date is written YYYY-MM-DD.");
        }
        if (!string.IsNullOrWhiteSpace(knownAt))
        {
            if (DateTimeOffset.TryParse(knownAt.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var m)
                && knownAt.Trim().Length >= 10)
                moment = m;
            else problems.Add($"\"{knownAt}\" is not a moment: it is written YYYY-MM-DDTHH:MM[:SS], in UTC unless an offset is given.");
        }
        return (new TimeChoice(day, moment), problems);
    }

    /// <summary>The query string that keeps this choice ("" for now), with the date replaced when one is given.</summary>
    public string Query(DateOnly? asOf = null, bool clearAsOf = false)
    {
        var parts = new List<string>();
        var day = clearAsOf ? null : asOf ?? AsOf;
        if (day is { } d) parts.Add("asOf=" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (KnownAtText is { } k) parts.Add("knownAt=" + Uri.EscapeDataString(k + "Z"));
        if (Release is { } r) parts.Add("release=" + Uri.EscapeDataString(r.Name));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    /// <summary>"as it stood on 1 September 2025, as known at 15 September 2025 12:00 UTC", or "now".</summary>
    public string Describe()
    {
        if (IsNow) return "now, with everything recorded so far";
        var parts = new List<string>();
        if (AsOf is { } d) parts.Add("as it stood on " + Display.Day(d));
        if (KnownAt is { } k) parts.Add("as known at " + Display.Moment(k));
        if (Release is { } r) parts.Add($"as released in {r.Name} ({r.TreeSize} events, frozen on {Display.Day(r.Day)})");
        return string.Join(", ", parts);
    }
}
