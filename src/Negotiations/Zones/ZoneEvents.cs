using Negotiations.Kernel;

namespace Negotiations.Zones;

public sealed record ZoneDefined(
    Guid ZoneId,
    string Name,
    ZoneKind Kind,
    string Reference,
    IReadOnlyList<Guid> UnderstandingIds,
    IReadOnlyList<WeaponRule> Rules,
    Provenance Provenance) : IDevelopment, ILinksUnderstandings;

/// <summary>The zone's rules were renegotiated: the new set replaces the old one entirely.</summary>
public sealed record ZoneRulesChanged(Guid ZoneId, IReadOnlyList<WeaponRule> Rules, Provenance Provenance) : IFieldRules
{
    public static Problems RulesOf(Problems problems, IReadOnlyList<WeaponRule>? rules) => problems.RuleSet(rules);

    public Problems CheckFields(Problems problems) => RulesOf(problems, Rules);
}

/// <summary>A party says it pulled a weapon class back to a depth (km from the zone's reference).</summary>
/// <summary>
/// A party declares it complied with a measure (<see cref="ComplianceMeasure"/>; none named is a withdrawal to a
/// depth): each takes the figures it needs and no others (<see cref="ComplianceMeasures.Measure"/>).
/// </summary>
public sealed record WithdrawalDeclared(
    Guid ZoneId,
    string Party,
    string? WeaponClass,
    decimal? DepthKm,
    string? Area,
    Provenance Provenance,
    ComplianceMeasure? Measure = null,
    int? Count = null,
    string? Unit = null,
    string? Place = null,
    string? Forces = null) : IFieldRules
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Subject => ComplianceMeasures.Subject(WeaponClass, Forces, Place) ?? "";

    public Problems CheckFields(Problems problems) =>
        problems.Text("party", Party).Measure(Measure, WeaponClass, DepthKm, Count, Unit, Place, Forces).Text("area", Area, required: false);
}

/// <summary>A monitor's finding about one withdrawal declaration, named by its event id.</summary>
public interface IWithdrawalAssessment : IFieldRules
{
    Guid ZoneId { get; }
    Guid DeclarationEventId { get; }
    string Monitor { get; }
    string? Note { get; }
    WithdrawalStatus Finding { get; }

    static Problems Rules(Problems problems, string? monitor, string? note) =>
        problems.Text("monitor", monitor).Text("note", note, required: false, max: 2000);

    Problems IFieldRules.CheckFields(Problems problems) => Rules(problems, Monitor, Note);
}

public sealed record WithdrawalObserved(Guid ZoneId, Guid DeclarationEventId, string Monitor, string? Note, Provenance Provenance) : IWithdrawalAssessment
{
    public WithdrawalStatus Finding => WithdrawalStatus.Observed;
}

public sealed record WithdrawalVerified(Guid ZoneId, Guid DeclarationEventId, string Monitor, string? Note, Provenance Provenance) : IWithdrawalAssessment
{
    public WithdrawalStatus Finding => WithdrawalStatus.Verified;
}

/// <summary>The monitor could not check the declared withdrawal (no access, no sight of the weapons).</summary>
public sealed record WithdrawalFoundUnverifiable(Guid ZoneId, Guid DeclarationEventId, string Monitor, string? Note, Provenance Provenance) : IWithdrawalAssessment
{
    public WithdrawalStatus Finding => WithdrawalStatus.Unverifiable;
}

public sealed record WithdrawalContradicted(Guid ZoneId, Guid DeclarationEventId, string Monitor, string? Note, Provenance Provenance) : IWithdrawalAssessment
{
    public WithdrawalStatus Finding => WithdrawalStatus.Contradicted;
}

/// <summary>
/// A violation of the zone's rules was reported against a party. <see cref="IncidentId"/>, when given, is the incident
/// the violation is (logged with ReportIncident: its kind, actors and place on the map), inside the zone or near it.
/// </summary>
public sealed record ViolationReported(
    Guid ZoneId,
    string PartyAccused,
    string? WeaponClass,
    string Place,
    string Description,
    Provenance Provenance,
    Guid? IncidentId = null) : IFieldRules
{
    public static Problems Rules(Problems problems, string? partyAccused, string? weaponClass, string? place, string? description) =>
        problems.Text("partyAccused", partyAccused).Text("weaponClass", weaponClass, required: false)
            .Text("place", place).Text("description", description, max: 2000);

    public Problems CheckFields(Problems problems) => Rules(problems, PartyAccused, WeaponClass, Place, Description);
}

/// <summary>A ruling on one reported violation, named by its event id.</summary>
public interface IViolationRuling : IFieldRules
{
    Guid ZoneId { get; }
    Guid ReportEventId { get; }
    string By { get; }
    string? Note { get; }
    ViolationStatus Finding { get; }

    static Problems Rules(Problems problems, string? by, string? note) =>
        problems.Text("by", by).Text("note", note, required: false, max: 2000);

    Problems IFieldRules.CheckFields(Problems problems) => Rules(problems, By, Note);
}

public sealed record ViolationVerified(Guid ZoneId, Guid ReportEventId, string By, string? Note, Provenance Provenance) : IViolationRuling
{
    public ViolationStatus Finding => ViolationStatus.Verified;
}

public sealed record ViolationDisputed(Guid ZoneId, Guid ReportEventId, string By, string? Note, Provenance Provenance) : IViolationRuling
{
    public ViolationStatus Finding => ViolationStatus.Disputed;
}

/// <summary>
/// Where the zone lies, as a source draws it: its area (a polygon), a band along a line (the line, with the rules'
/// depths), or the line itself, with how precisely the source places it. A later drawing takes the place of the one
/// before; a correction replaces a wrong one.
/// </summary>
public sealed record ZoneMapped(Guid ZoneId, Place Area, Provenance Provenance) : IFieldRules, IPlacedDevelopment
{
    public static Problems Rules(Problems problems, Place? area, Provenance? provenance) =>
        problems.Check(area, "area", required: true).PlacedOnce(provenance, "area");

    public Problems CheckFields(Problems problems) => Rules(problems, Area, Provenance);

    Place IPlacedDevelopment.Place => Area;
}
