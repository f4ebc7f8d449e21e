using Negotiations.Kernel;

namespace Negotiations.Zones;

/// <summary>
/// What a party declares it did to comply, and monitors then find observed, verified, unverifiable or contradicted.
/// A declaration without one is a withdrawal to a depth, as every declaration was before measures were named.
/// </summary>
[Vocabulary("compliance-measure", "Obligations of conduct in ceasefire, disengagement and DDR agreements as monitoring missions report on them (OSCE SMM, UNDOF, UN DDR and verification missions)")]
public enum ComplianceMeasure
{
    [Definition("A weapon class pulled back to a depth in km from the zone's reference (depthKm).")]
    WithdrawalToDepth,
    [Definition("A weapon class pulled back behind a named line (place: the line).")]
    WithdrawalBehindLine,
    [Definition("Weapons of a class handed over to a monitor or a third party, at the zone or a named site (count optional).")]
    Handover,
    [Definition("Weapons of a class, or combatants, gathered and kept at a cantonment site (count optional).")]
    Cantonment,
    [Definition("Named forces left the zone or a named area (forces).")]
    Departure,
    [Definition("A crossing or corridor opened (place: the crossing).")]
    CrossingOpening,
    [Definition("Detainees or prisoners released (count optional).")]
    DetaineeRelease,
    [Definition("The acts the ceasefire prohibits were not committed in the zone over the period declared.")]
    CeasefireObserved
}

/// <summary>What a measure needs besides the party, and what it takes; the one place the API's rules for them are written.</summary>
public static class ComplianceMeasures
{
    /// <summary>The subject a party's standing is kept per: the weapon class, the forces, or the place.</summary>
    public static string? Subject(string? weaponClass, string? forces, string? place) => weaponClass ?? forces ?? place;

    public static Problems Measure(this Problems problems, ComplianceMeasure? stated, string? weaponClass, decimal? depthKm, int? count, string? unit,
        string? place, string? forces)
    {
        var measure = stated ?? ComplianceMeasure.WithdrawalToDepth;
        var word = $"\"{measure.Word()}\"";
        if (!Enum.IsDefined(measure)) return problems.Defined("measure", measure);
        var weapons = measure is ComplianceMeasure.WithdrawalToDepth or ComplianceMeasure.WithdrawalBehindLine or ComplianceMeasure.Handover;
        problems.Text("weaponClass", weaponClass, required: weapons, max: 200);
        if (measure == ComplianceMeasure.WithdrawalToDepth) problems.Depth("depthKm", depthKm);
        else problems.When(depthKm is not null, "depthKm", $"Only \"withdrawal-to-depth\" is measured in km; {word} is not: leave depthKm out.");
        problems.Text("place", place, required: measure is ComplianceMeasure.WithdrawalBehindLine or ComplianceMeasure.CrossingOpening, max: 200)
            .Text("forces", forces, required: measure == ComplianceMeasure.Departure, max: 200)
            .When(forces is not null && measure != ComplianceMeasure.Departure, "forces", $"Only \"departure\" names forces; {word} does not: leave forces out.")
            .When(count is < 0, "count", "At least 0.")
            .When(count is not null && measure is ComplianceMeasure.WithdrawalBehindLine or ComplianceMeasure.CrossingOpening or ComplianceMeasure.CeasefireObserved
                or ComplianceMeasure.Departure, "count", $"{word} is not counted: leave count out.")
            .Text("unit", unit, required: false, max: 100)
            .When(unit is not null && count is null, "unit", "A unit counts something: give the count too.");
        return problems;
    }

    /// <summary>The measure as a reader says it, e.g. "withdrew to 20 km", "handed over 12 (tanks)".</summary>
    public static string Words(ComplianceMeasure? measure, decimal? depthKm, int? count, string? unit, string? place, string? forces)
    {
        var counted = count is { } n ? $" {n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}{(unit is null ? "" : $" {unit}")}" : "";
        var at = place is null ? "" : $" at {place}";
        return (measure ?? ComplianceMeasure.WithdrawalToDepth) switch
        {
            ComplianceMeasure.WithdrawalToDepth => $"withdrew to {depthKm?.ToString(System.Globalization.CultureInfo.InvariantCulture)} km",
            ComplianceMeasure.WithdrawalBehindLine => $"withdrew behind {place}",
            ComplianceMeasure.Handover => $"handed over{counted}{at}",
            ComplianceMeasure.Cantonment => $"cantoned{counted}{at}",
            ComplianceMeasure.Departure => $"{forces} left{(place is null ? "" : $" {place}")}",
            ComplianceMeasure.CrossingOpening => $"opened {place}",
            ComplianceMeasure.DetaineeRelease => $"released{(counted.Length == 0 ? " detainees" : counted)}",
            _ => "observed the ceasefire"
        };
    }
}
