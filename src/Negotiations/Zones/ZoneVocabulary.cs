using Negotiations.Kernel;
namespace Negotiations.Zones;

/// <summary>
/// What kind of separation a zone is. A demilitarised zone keeps weapons out altogether; an area of
/// separation is held by a third party between the lines; a limitation band caps forces at a depth
/// (the 1974 10/20 km bands); a withdrawal line is a distance each side pulls a weapon class back
/// behind (the Minsk 50/70/140 km lines); a cantonment site, a region and a crossing are where the other
/// compliance measures take place (<see cref="ComplianceMeasure"/>).
/// </summary>
[Vocabulary("zone-kind", "Ceasefire and disengagement arrangements (the 1974 Israel-Syria Disengagement Agreement, the Minsk withdrawal lines)")]
public enum ZoneKind
{
    [Definition("An area the agreed forces or weapons must leave and stay out of altogether.")]
    DemilitarisedZone,
    [Definition("An area between the lines held by a third party (the UNDOF area of separation).")]
    AreaOfSeparation,
    [Definition("A band beside a line in which forces and weapons are capped (the 1974 10 and 20 km bands).")]
    LimitationBand,
    [Definition("A distance behind which each side pulls a class of weapons back (the Minsk 50, 70 and 140 km lines).")]
    WithdrawalLine,
    [Definition("A site where weapons are handed over or combatants and weapons are gathered and kept (DDR cantonment and storage sites).")]
    CantonmentSite,
    [Definition("A region foreign or named forces are to leave.")]
    Region,
    [Definition("A crossing or corridor to be opened, for people, goods or aid.")]
    Crossing
}

/// <summary>
/// What is known about a declared withdrawal, in OSCE monitoring-report terms: declared by the party,
/// then observed, verified, unverifiable (the monitor could not check) or contradicted by a monitor.
/// </summary>
[Vocabulary("withdrawal-status", "OSCE Special Monitoring Mission reporting on the withdrawal of weapons")]
public enum WithdrawalStatus
{
    [Definition("The party says it withdrew; no monitor has reported on it yet.")]
    Declared,
    [Definition("A monitor saw the weapons where the party says they are, without being able to verify the whole declaration.")]
    Observed,
    [Definition("A monitor verified the withdrawal as declared.")]
    Verified,
    [Definition("A monitor could not check the declaration (no access, no inventory, restrictions).")]
    Unverifiable,
    [Definition("A monitor found the weapons where they should not be.")]
    Contradicted
}

[Vocabulary("violation-status", "OSCE Special Monitoring Mission reporting on ceasefire violations")]
public enum ViolationStatus
{
    [Definition("Reported by a party or a source; not yet ruled on.")]
    Reported,
    [Definition("A monitor confirmed the violation.")]
    Verified,
    [Definition("A monitor or a party contests the report.")]
    Disputed
}

/// <summary>
/// One rule of a zone about a weapon class (free text from the agreement, e.g. "heavy weapons", "artillery >= 100 mm").
/// A withdrawal to a depth (no measure named): kept at least MinimumDepthKm from the reference place or line, and at
/// most MaximumDepthKm where the rule is a band; a band may start at 0 (the reference itself); Limit says what is
/// allowed inside, if anything (e.g. "up to 75 tanks"). Another measure of weapons (behind a line, a handover, a
/// cantonment) has no depth: it may require a Count of at least so many and a Place (the line, the site). Any rule may
/// set a Deadline the measure is due by.
/// </summary>
public sealed record WeaponRule(
    string WeaponClass,
    decimal? MinimumDepthKm,
    decimal? MaximumDepthKm = null,
    string? Limit = null,
    ComplianceMeasure? Measure = null,
    int? Count = null,
    DateOnly? Deadline = null,
    string? Place = null)
{
    public const decimal MaxDepthKm = 1000m;

    [System.Text.Json.Serialization.JsonIgnore]
    public ComplianceMeasure Measured => Measure ?? ComplianceMeasure.WithdrawalToDepth;

    public WeaponRule Trimmed() => this with
    {
        WeaponClass = WeaponClass.Trim(), Limit = string.IsNullOrWhiteSpace(Limit) ? null : Limit.Trim(), Place = string.IsNullOrWhiteSpace(Place) ? null : Place.Trim(),
        MinimumDepthKm = Measured == ComplianceMeasure.WithdrawalToDepth ? MinimumDepthKm ?? 0 : MinimumDepthKm
    };

    public bool Covers(string weaponClass) => string.Equals(WeaponClass.Trim(), weaponClass.Trim(), StringComparison.OrdinalIgnoreCase);
}
