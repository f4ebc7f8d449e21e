using JasperFx.Events;
using Negotiations.Kernel;

namespace Negotiations.Zones;

/// <summary>
/// The write model of a zone: what its commands decide on and nothing more, so that a command costs the same on a
/// zone with thousands of declarations and assessments as on a new one. The current rules; the latest
/// <see cref="Recent"/> declarations and violation reports, each with the ids that name it and only the latest finding
/// about it, so that the same declaration, report, assessment or ruling sent again appends nothing (the check looks
/// back that far, not at the whole history; an Idempotency-Key makes any resend safe); and the ids of the
/// developments retractions took out.
/// </summary>
/// <remarks>
/// An assessment or ruling names its declaration or report by event id (its own, or one it corrected). One of the
/// latest is decided on from this model alone; an older one is read at decision time (one read of the named event by
/// its id, indexed: <see cref="AssessWithdrawal.NamedAsync"/>), and <see cref="RetractedEventIds"/> says whether it was
/// taken back. Keeping every declaration and report instead would make each command read and write a document that
/// grows with the zone's history; the retracted ids grow only with retractions, which are rare. What readers see is
/// <see cref="ZoneDetails"/>. A correction or retraction folds the stream again as it stands (<see cref="AsItStands"/>).
/// </remarks>
public sealed record Zone(
    Guid Id,
    Guid DefinedBy,
    IReadOnlyList<WeaponRule> Rules,
    IReadOnlyList<Withdrawal> RecentDeclarations,
    IReadOnlyList<Violation> RecentReports,
    IReadOnlyList<Guid> RetractedEventIds,
    bool Retracted,
    long Version) : IWriteModel<Zone>
{
    public const int Recent = 50;

    public Zone At(long version) => this with { Version = version };

    /// <summary>
    /// Every rule of a zone is about the fields of one development (depths, rule sets); what an assessment or
    /// ruling names is checked when it is logged, and a retraction takes the findings about a declaration or report
    /// out with it.
    /// </summary>
    public string? BrokenRule() => null;

    /// <summary>One of the latest declarations, named by its own event id or by one it replaced; null when it is older or unknown.</summary>
    public Withdrawal? DeclarationNamed(Guid eventId) => RecentDeclarations.LastOrDefault(w => w.IsNamedBy(eventId));

    public Violation? ReportNamed(Guid eventId) => RecentReports.LastOrDefault(v => v.IsNamedBy(eventId));

    /// <summary>The fold. Pure: everything it uses comes from the events. Not named Apply: Marten would take that for a conventional projection method.</summary>
    public static Zone? Fold(Zone? state, IEvent e) => (state, e.Data) switch
    {
        (null, ZoneDefined d) => new(d.ZoneId, e.Id, d.Rules, [], [], [], false, e.Version),
        (null, _) => null,
        ({ } s, ZoneRulesChanged c) => s with { Rules = c.Rules, Version = e.Version },
        ({ } s, WithdrawalDeclared d) => s with
        {
            RecentDeclarations = Last([.. s.RecentDeclarations, Withdrawal.Of(e.Id, AsItStands.Replaced(e), d)]),
            Version = e.Version
        },
        ({ } s, IWithdrawalAssessment a) => s with
        {
            RecentDeclarations = s.RecentDeclarations.Select(w => w.IsNamedBy(a.DeclarationEventId) ? w with { LatestAssessment = Assessment.Of(e.Id, a) } : w).ToList(),
            Version = e.Version
        },
        ({ } s, ViolationReported r) => s with
        {
            RecentReports = Last([.. s.RecentReports, Violation.Of(e.Id, AsItStands.Replaced(e), r)]),
            Version = e.Version
        },
        ({ } s, IViolationRuling r) => s with
        {
            RecentReports = s.RecentReports.Select(v => v.IsNamedBy(r.ReportEventId) ? v with { LatestRuling = Ruling.Of(e.Id, r) } : v).ToList(),
            Version = e.Version
        },
        ({ } s, DevelopmentRetracted r) when r.RetractedEventId == s.DefinedBy => s with { Retracted = true, Version = e.Version },
        ({ } s, DevelopmentRetracted) => s with { RetractedEventIds = [.. s.RetractedEventIds, .. AsItStands.Retracted(e)], Version = e.Version },
        ({ } s, _) => s with { Version = e.Version }
    };

    private static IReadOnlyList<T> Last<T>(IReadOnlyList<T> items) => items.Count > Recent ? items.Skip(items.Count - Recent).ToList() : items;
}

/// <summary>
/// A withdrawal as a party declared it, with the monitors' latest finding about it. EventId is the declaration that
/// stands now; EarlierEventIds are the declarations it corrected, which assessments may still name.
/// </summary>
public sealed record Withdrawal(
    Guid EventId,
    IReadOnlyList<Guid> EarlierEventIds,
    string Party,
    string? WeaponClass,
    decimal? DepthKm,
    string? Area,
    Occurrence Occurred,
    Assessment? LatestAssessment,
    ComplianceMeasure? Measure = null,
    int? Count = null,
    string? Unit = null,
    string? Place = null,
    string? Forces = null)
{
    public WithdrawalStatus Status => LatestAssessment?.Finding ?? WithdrawalStatus.Declared;

    public bool IsNamedBy(Guid eventId) => EventId == eventId || EarlierEventIds.Contains(eventId);

    public static Withdrawal Of(Guid eventId, IReadOnlyList<Guid> replaced, WithdrawalDeclared d) =>
        new(eventId, replaced, d.Party, d.WeaponClass, d.DepthKm, d.Area, d.Provenance.Occurred, null, d.Measure, d.Count, d.Unit, d.Place, d.Forces);

    /// <summary>Whether the declaration says the same as this one: a resend.</summary>
    public bool Declares(WithdrawalDeclared d) =>
        DeclareWithdrawal.Same(Party, d.Party) && DeclareWithdrawal.Same(WeaponClass, d.WeaponClass) && DepthKm == d.DepthKm
        && DeclareWithdrawal.Same(Area, d.Area) && Occurred == d.Provenance.Occurred && Measure == d.Measure && Count == d.Count
        && DeclareWithdrawal.Same(Unit, d.Unit) && DeclareWithdrawal.Same(Place, d.Place) && DeclareWithdrawal.Same(Forces, d.Forces);
}

/// <summary>A monitor's finding about a declaration, with the event that logged it.</summary>
public sealed record Assessment(Guid EventId, WithdrawalStatus Finding, string Monitor, string? Note, Occurrence Occurred)
{
    public static Assessment Of(Guid eventId, IWithdrawalAssessment a) => new(eventId, a.Finding, a.Monitor, a.Note, a.Provenance.Occurred);
}

/// <summary>A reported violation, with the latest ruling on it and the incident it is, if one was named. EventId is the report that stands now; EarlierEventIds are the reports it corrected.</summary>
public sealed record Violation(
    Guid EventId,
    IReadOnlyList<Guid> EarlierEventIds,
    string PartyAccused,
    string? WeaponClass,
    string Place,
    string Description,
    Occurrence Occurred,
    Ruling? LatestRuling,
    Guid? IncidentId = null)
{
    public ViolationStatus Status => LatestRuling?.Finding ?? ViolationStatus.Reported;

    public bool IsNamedBy(Guid eventId) => EventId == eventId || EarlierEventIds.Contains(eventId);

    public static Violation Of(Guid eventId, IReadOnlyList<Guid> replaced, ViolationReported r) =>
        new(eventId, replaced, r.PartyAccused, r.WeaponClass, r.Place, r.Description, r.Provenance.Occurred, null, r.IncidentId);
}

/// <summary>A ruling on a reported violation, with the event that logged it.</summary>
public sealed record Ruling(Guid EventId, ViolationStatus Finding, string By, string? Note, Occurrence Occurred)
{
    public static Ruling Of(Guid eventId, IViolationRuling r) => new(eventId, r.Finding, r.By, r.Note, r.Provenance.Occurred);
}
