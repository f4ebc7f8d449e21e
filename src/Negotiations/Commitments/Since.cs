namespace Negotiations.Commitments;

/// <summary>A value that stands from a day on, until the next one.</summary>
public sealed record Since<T>(DateOnly From, T Value) where T : struct;

/// <summary>
/// A value by day, as a list of the days it changed on (in order of day): what stood on any day is the latest one
/// recorded among those that occurred by then. Only changes are kept, so the list grows with how often the value
/// changed, not with how often it was told. Pure.
/// </summary>
public static class DayByDay
{
    /// <summary>
    /// The value told from a day on, recorded after all the others: it stands on that day and every day after it,
    /// whatever was told for those days before.
    /// </summary>
    public static IReadOnlyList<Since<T>> Then<T>(this IReadOnlyList<Since<T>> days, DateOnly from, T value) where T : struct
    {
        var before = days.TakeWhile(d => d.From < from).ToList();
        return before.Count > 0 && EqualityComparer<T>.Default.Equals(before[^1].Value, value) ? before : [.. before, new(from, value)];
    }

    /// <summary>What stood on the day; null before anything was told for it.</summary>
    public static T? On<T>(this IReadOnlyList<Since<T>> days, DateOnly day) where T : struct =>
        days.LastOrDefault(d => d.From <= day)?.Value;
}
