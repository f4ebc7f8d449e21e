using Negotiations.Rounds;

namespace Negotiations.Dashboard;

/// <summary>A round in one line: "Baku, 16 Sep 2025 – 19 Sep 2025 (Syria, Israel; mediator United States)".</summary>
public static class RoundText
{
    public static string Describe(RoundDetails round)
    {
        var when = round.Status == RoundStatus.Held && round.Outcome is { } outcome ? Display.Occurred(outcome.HeldOn) : round.PlannedFor is { } planned ? Display.Occurred(planned) : "date not given";
        var where = round.Venue ?? "venue not given";
        var who = string.Join(", ", round.Participants) + (round.Mediator is { } m ? $"; mediator {m}" : "");
        var status = round.Status is RoundStatus.Postponed or RoundStatus.Cancelled ? $" — {Display.Words(round.Status)}{(round.StatusReason is { } r ? ": " + r : "")}" : "";
        return $"{where}, {when} ({who}){status}";
    }
}
