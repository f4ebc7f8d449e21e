using Negotiations.Kernel;
using Negotiations.Tests.Support;
using Negotiations.Zones;

namespace Negotiations.Tests.Zones;

/// <summary>Zone commands as a monitor would send them: the southern Syria zone, and the Minsk and 1974 shapes it must generalise to.</summary>
public static class GivenZones
{
    public static Provenance AnonymousMilitarySource() =>
        new([new Source("Syrian military source (anonymous)", SourceKind.Anonymous, "Quoted by state media", Given.September15, Reliability.F, 3)],
            Occurrence.On(Given.September15));

    public static Provenance Osce(DateOnly? on = null) =>
        new([new Source("OSCE Special Monitoring Mission", SourceKind.Mediator, "Daily report", on ?? Given.September15, Reliability.A, 2)],
            Occurrence.On(on ?? Given.September15));

    public static DefineZone SouthernZone(Guid? id = null, IReadOnlyList<Guid>? understandings = null) => new(
        "Southern Syria demilitarised zone",
        ZoneKind.DemilitarisedZone,
        "Damascus / southern Syria",
        understandings,
        [new WeaponRule("heavy weapons", 10)],
        Given.Reported(source: "Israeli prime minister"),
        id);

    /// <summary>Minsk package, 2015: each side pulls heavy weapons back from the line of contact.</summary>
    public static DefineZone MinskLines() => new(
        "Minsk security zone",
        ZoneKind.WithdrawalLine,
        "Line of contact",
        null,
        [
            new WeaponRule("artillery >= 100 mm", 50),
            new WeaponRule("multiple rocket launchers", 70),
            new WeaponRule("Tornado-S, Uragan, Smerch, Tochka-U", 140)
        ],
        Given.Reported(new DateOnly(2015, 2, 12), "Trilateral Contact Group", SourceKind.Diplomatic));

    /// <summary>1974-style disengagement: limitation bands measured from the area of separation, a weapon class in two bands.</summary>
    public static DefineZone LimitationBands() => new(
        "Bravo side limitation bands",
        ZoneKind.LimitationBand,
        "Bravo line of the area of separation",
        null,
        [
            new WeaponRule("tanks", 0, 10, "at most 75"),
            new WeaponRule("tanks", 10, 20, "at most 450"),
            new WeaponRule("surface-to-air missiles", 25)
        ],
        Given.Reported(new DateOnly(1974, 5, 31), "United Nations", SourceKind.Diplomatic));

    public static DeclareWithdrawal SyriaWithdrew(long version, decimal km = 10) =>
        new("Syria", "heavy weapons", km, "southern areas", AnonymousMilitarySource(), version);

    public static AssessWithdrawal Assessment(Guid declaration, long version, string? note = null, DateOnly? on = null) =>
        new(declaration, "OSCE Special Monitoring Mission", note, Osce(on), version);

    public static ReportZoneViolation Violation(long version) =>
        new("Syria", "heavy weapons", "south of Damascus", "Tanks seen 6 km from the reference", Given.Reported(source: "Israeli army", kind: SourceKind.Military), version);

    public static RuleOnViolation Ruling(Guid report, long version, string by = "OSCE Special Monitoring Mission") =>
        new(report, by, null, Osce(), version);
}
