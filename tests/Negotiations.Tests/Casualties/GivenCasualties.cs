using Negotiations.Casualties;
using Negotiations.Kernel;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Casualties;

/// <summary>Casualty claims from the demo scenario, as a monitor would log them.</summary>
public static class GivenCasualties
{
    public const string Observatory = "Syrian Observatory for Human Rights";

    public static readonly Occurrence SinceJuly = new(new DateOnly(2025, 7, 1), DatePrecision.Range, new DateOnly(2025, 9, 15));

    public static Provenance FromObservatory(DateOnly? on = null) => Given.Reported(on, Observatory, SourceKind.Ngo);

    public static PublishCasualtyClaim SweidaToll(IReadOnlyList<Guid>? understandingIds = null, Guid? id = null) => new(
        Observatory,
        "Sectarian violence in Sweida province since July 2025",
        "Sweida province, Syria",
        SinceJuly,
        new CasualtyFigures(2000, 2000, null),
        [new CasualtyBreakdown("druze civilians allegedly executed", 789, Alleged: true)],
        understandingIds,
        FromObservatory(),
        id);
}
