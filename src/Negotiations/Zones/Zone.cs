using JasperFx.Events;
using Negotiations.Corrections;
using Negotiations.Sources;

namespace Negotiations.Zones;

/// <summary>
/// The write model of a zone, folded from its own stream. The rule set, every withdrawal declaration
/// and every violation report are kept under the event that told them, with the assessments and
/// rulings that name them, so that a retraction or a correction takes back exactly what it names.
/// </summary>
public sealed record Zone(
    Guid Id,
    string Name,
    ZoneKind Kind,
    string Reference,
    IReadOnlyList<Guid> UnderstandingIds,
    IReadOnlyList<Fact<IReadOnlyList<WeaponRule>>> RuleSets,
    IReadOnlyList<Withdrawal> Withdrawals,
    IReadOnlyList<Violation> Violations,
    Guid? Replacing,
    bool Retracted,
    long Version) : IWriteModel<Zone>
{
    public Zone At(long version) => this with { Version = version };

    /// <summary>
    /// Folded in stream order with its markers: a corrected declaration or report keeps its place and the assessments
    /// and rulings that name its earlier event id (which the stream as it stands would not say).
    /// </summary>
    public static Zone? Refold(IReadOnlyList<IEvent> stream) => stream.Aggregate((Zone?)null, Fold);

    /// <summary>
    /// Every rule of a zone is about the fields of one development (depths, rule sets); what an assessment or
    /// ruling names is kept by the fold, which takes them back with the declaration or report they name.
    /// </summary>
    public string? BrokenRule() => null;

    public IReadOnlyList<WeaponRule> Rules => RuleSets.Current<IReadOnlyList<WeaponRule>>([]);

    /// <summary>
    /// Per party and weapon class: the latest standing declaration, what monitors last found about it,
    /// and the depth the zone's rules require of that weapon class: the farthest "beyond X km" rule that
    /// names it (bands with a maximum limit what stays inside; they require no withdrawal).
    /// </summary>
    public IReadOnlyList<WithdrawalStanding> Standing =>
        Withdrawals
            .GroupBy(w => (Party: w.Party.ToLowerInvariant(), Weapon: w.WeaponClass.ToLowerInvariant()))
            .Select(g => g.Last())
            .Select(w => new WithdrawalStanding(w.Party, w.WeaponClass, w.DepthKm, w.Status,
                Rules.Where(r => r.Covers(w.WeaponClass) && r.MaximumDepthKm is null).Max(r => (decimal?)r.MinimumDepthKm), w.EventId))
            .ToList();

    public Withdrawal? DeclarationNamed(Guid eventId) => Withdrawals.FirstOrDefault(w => w.IsNamedBy(eventId));

    public Violation? ReportNamed(Guid eventId) => Violations.FirstOrDefault(v => v.IsNamedBy(eventId));

    /// <summary>The fold. Pure: everything it uses comes from the events.</summary>
    public static Zone? Fold(Zone? state, IEvent e) => (state, e.Data) switch
    {
        (null, ZoneDefined d) => new(d.ZoneId, d.Name, d.Kind, d.Reference, d.UnderstandingIds,
            Facts.Start(e.Id, d.Rules), [], [], null, false, e.Version),
        (null, _) => null,
        ({ } s, ZoneRulesChanged c) => s with { RuleSets = s.RuleSets.With(e.Id, c.Rules), Version = e.Version },
        ({ } s, WithdrawalDeclared d) => s.Declared(e.Id, d) with { Version = e.Version },
        ({ } s, IWithdrawalAssessment a) => s with
        {
            Withdrawals = s.Withdrawals.Select(w => w.IsNamedBy(a.DeclarationEventId)
                ? w with { Assessments = w.Assessments.With(e.Id, new Assessment(a.Finding, a.Monitor, a.Note, a.Provenance.Occurred)) }
                : w).ToList(),
            Version = e.Version
        },
        ({ } s, ViolationReported r) => s.Reported(e.Id, r) with { Version = e.Version },
        ({ } s, IViolationRuling r) => s with
        {
            Violations = s.Violations.Select(v => v.IsNamedBy(r.ReportEventId)
                ? v with { Rulings = v.Rulings.With(e.Id, new Ruling(r.Finding, r.By, r.Note, r.Provenance.Occurred)) }
                : v).ToList(),
            Version = e.Version
        },
        ({ } s, DevelopmentRetracted r) => s.Without(r.RetractedEventId) with { Version = e.Version },
        ({ } s, DevelopmentCorrected c) => s.Correcting(c.CorrectedEventId) with { Version = e.Version },
        ({ } s, _) => s with { Version = e.Version }
    };

    /// <summary>
    /// A declaration or report that is corrected keeps its place and what monitors said about it: the
    /// replacement (the next event) takes over its details. Anything else corrected is simply taken out,
    /// and its replacement folds in as a new fact.
    /// </summary>
    private Zone Correcting(Guid eventId) =>
        Withdrawals.Any(w => w.EventId == eventId) || Violations.Any(v => v.EventId == eventId)
            ? this with { Replacing = eventId }
            : Without(eventId);

    private Zone Declared(Guid eventId, WithdrawalDeclared d)
    {
        if (Replacing is { } replaced && Withdrawals.Any(w => w.EventId == replaced))
            return this with
            {
                Withdrawals = Withdrawals.Select(w => w.EventId == replaced
                    ? w with
                    {
                        EventId = eventId, EarlierEventIds = [.. w.EarlierEventIds, replaced],
                        Party = d.Party, WeaponClass = d.WeaponClass, DepthKm = d.DepthKm, Area = d.Area, Occurred = d.Provenance.Occurred
                    }
                    : w).ToList(),
                Replacing = null
            };
        return this with
        {
            Withdrawals = [.. Withdrawals, new Withdrawal(eventId, [], d.Party, d.WeaponClass, d.DepthKm, d.Area, d.Provenance.Occurred, [])]
        };
    }

    private Zone Reported(Guid eventId, ViolationReported r)
    {
        if (Replacing is { } replaced && Violations.Any(v => v.EventId == replaced))
            return this with
            {
                Violations = Violations.Select(v => v.EventId == replaced
                    ? v with
                    {
                        EventId = eventId, EarlierEventIds = [.. v.EarlierEventIds, replaced],
                        PartyAccused = r.PartyAccused, WeaponClass = r.WeaponClass, Place = r.Place,
                        Description = r.Description, Occurred = r.Provenance.Occurred
                    }
                    : v).ToList(),
                Replacing = null
            };
        return this with
        {
            Violations = [.. Violations, new Violation(eventId, [], r.PartyAccused, r.WeaponClass, r.Place, r.Description, r.Provenance.Occurred, [])]
        };
    }

    private Zone Without(Guid eventId) => RuleSets[0].EventId == eventId
        ? this with { Retracted = true }
        : this with
        {
            RuleSets = RuleSets.Without(eventId),
            Withdrawals = Withdrawals.Where(w => w.EventId != eventId)
                .Select(w => w with { Assessments = w.Assessments.Without(eventId) }).ToList(),
            Violations = Violations.Where(v => v.EventId != eventId)
                .Select(v => v with { Rulings = v.Rulings.Without(eventId) }).ToList()
        };
}

/// <summary>
/// A withdrawal as a party declared it. EventId is the declaration that stands now; EarlierEventIds are
/// declarations it corrected, which assessments may still name.
/// </summary>
public sealed record Withdrawal(
    Guid EventId,
    IReadOnlyList<Guid> EarlierEventIds,
    string Party,
    string WeaponClass,
    decimal DepthKm,
    string? Area,
    Occurrence Occurred,
    IReadOnlyList<Fact<Assessment>> Assessments)
{
    public WithdrawalStatus Status => Assessments.Count == 0 ? WithdrawalStatus.Declared : Assessments[^1].Value.Finding;

    public bool IsNamedBy(Guid eventId) => EventId == eventId || EarlierEventIds.Contains(eventId);
}

public sealed record Assessment(WithdrawalStatus Finding, string Monitor, string? Note, Occurrence Occurred);

public sealed record Violation(
    Guid EventId,
    IReadOnlyList<Guid> EarlierEventIds,
    string PartyAccused,
    string? WeaponClass,
    string Place,
    string Description,
    Occurrence Occurred,
    IReadOnlyList<Fact<Ruling>> Rulings)
{
    public ViolationStatus Status => Rulings.Count == 0 ? ViolationStatus.Reported : Rulings[^1].Value.Finding;

    public bool IsNamedBy(Guid eventId) => EventId == eventId || EarlierEventIds.Contains(eventId);
}

public sealed record Ruling(ViolationStatus Finding, string By, string? Note, Occurrence Occurred);

/// <summary>Where one party stands on one weapon class: its latest declaration and the monitors' latest finding.</summary>
public sealed record WithdrawalStanding(
    string Party,
    string WeaponClass,
    decimal DeclaredDepthKm,
    WithdrawalStatus Status,
    decimal? RequiredDepthKm,
    Guid DeclarationEventId)
{
    /// <summary>Whether the declared depth reaches the rule's minimum; null when no rule names the weapon class.</summary>
    public bool? DeclaredDepthMeetsRule => RequiredDepthKm is null ? null : DeclaredDepthKm >= RequiredDepthKm;
}
