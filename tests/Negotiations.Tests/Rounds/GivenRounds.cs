using Negotiations.Rounds;
using Negotiations.Kernel;
using Negotiations.Statements;
using Negotiations.Tests.Support;
using Negotiations.Understandings;

namespace Negotiations.Tests.Rounds;

/// <summary>Round and statement commands as a monitor would send them, from the demo scenario's facts.</summary>
public static class GivenRounds
{
    /// <summary>"Later this week", seen from Monday 15 September 2025.</summary>
    public static readonly Occurrence LaterThisWeek = new(new DateOnly(2025, 9, 17), DatePrecision.Range, new DateOnly(2025, 9, 19));

    public static readonly Occurrence WeeksBefore = new(new DateOnly(2025, 8, 1), DatePrecision.Range, new DateOnly(2025, 9, 14));

    public static Provenance Diplomats(Occurrence? occurred = null) =>
        new([new Source("Diplomats", SourceKind.Diplomatic, "Unnamed diplomats quoted in the report", Given.September15, Reliability.C, 3)],
            occurred ?? Occurrence.On(Given.September15));

    public static ScheduleRound InBaku(IReadOnlyList<Guid>? understandings = null, Guid? id = null) => new(
        LaterThisWeek, ["Syria", "Israel"], Diplomats(), "Baku", "United States", understandings, id);

    public static ReportHeldRound AlreadyMet(IReadOnlyList<Guid>? understandings = null, Guid? id = null) => new(
        ["Syria", "Israel"], "Syrian and Israeli officials met several times; no details disclosed.", Diplomats(WeeksBefore),
        [], null, "United States", understandings, id);

    public static HoldRound Held(long version, params string[] agreed) =>
        new("Talks on southern Syria concluded.", Diplomats(Occurrence.On(new DateOnly(2025, 9, 18))), version, agreed);

    public static MakeStatement Netanyahu(IReadOnlyList<Guid> understandings, Guid? id = null) => new(
        "Benjamin Netanyahu", PartyRole.Party, "Talks are underway to create a demilitarised zone in southern Syria.", understandings,
        new([new Source("Israeli prime minister", SourceKind.Government, "Public remarks", Given.September15, Reliability.B, 2)], Occurrence.On(Given.September15)),
        "Israel", null, id);
}
