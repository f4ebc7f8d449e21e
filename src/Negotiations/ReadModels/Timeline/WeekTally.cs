using System.Globalization;

namespace Negotiations.ReadModels.Timeline;

/// <summary>
/// One ISO week of occurrence (Id "2025-W38", starting on Monday), kept by the daemon: the developments that
/// occurred in it and still count (not retracted or corrected; a correction's replacement counts in its own
/// week), and every timeline entry that sits in it (developments, taken back or not, and the retractions and
/// corrections of them), so that neither the overview nor the timeline's total reads every event.
/// </summary>
public sealed record WeekTally
{
    public string Id { get; init; } = "";
    public DateOnly Monday { get; init; }
    public int Developments { get; init; }
    public int Entries { get; init; }

    /// <summary>The developments of this week already taken back: a second retraction of one counts once, as the history does.</summary>
    public IReadOnlyList<Guid> TakenBack { get; init; } = [];

    public static string WeekOf(DateOnly day) =>
        $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)):0000}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}";

    public static WeekTally Empty(string week)
    {
        var parts = week.Split("-W");
        var monday = ISOWeek.ToDateTime(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), DayOfWeek.Monday);
        return new WeekTally { Id = week, Monday = DateOnly.FromDateTime(monday) };
    }
}
