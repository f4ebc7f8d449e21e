using JasperFx.Events;
using Negotiations.Kernel;

namespace Negotiations.Zones;

/// <summary>
/// A zone as its readers see it: what it is and what it is measured from, the understandings it serves, its rules
/// (with the event that set them), where each party stands on each weapon class, how many declarations were logged,
/// the latest <see cref="Latest"/> violation reports by the date they happened, each with its latest ruling, how many
/// were reported, and its area on the map (the latest drawing, <see cref="ZoneMapped"/>). Every development is on the
/// timeline. Folded from the zone's stream; a correction or retraction folds the stream again as it stands, where a
/// corrected declaration or report keeps the findings that name its earlier event id.
/// </summary>
/// <remarks>
/// The standing holds one line per party and weapon class (the agreement's vocabulary, not the history), each with
/// its declaration's event id and the event id of the finding shown, so that a reader can cite or correct either.
/// </remarks>
public sealed record ZoneDetails(
    Guid Id,
    string Name,
    ZoneKind Kind,
    string Reference,
    IReadOnlyList<Guid> UnderstandingIds,
    Guid DefinedBy,
    IReadOnlyList<WeaponRule> Rules,
    Guid RulesEventId,
    IReadOnlyList<WithdrawalStanding> Standing,
    int DeclarationCount,
    IReadOnlyList<Violation> LatestViolations,
    int ViolationCount,
    bool Retracted,
    long Version,
    Place? Area = null,
    Guid? AreaEventId = null) : IStreamModel<ZoneDetails>
{
    public const int Latest = 10;

    public ZoneDetails At(long version) => this with { Version = version };

    public static ZoneDetails? Fold(ZoneDetails? state, IEvent e) => (state, e.Data) switch
    {
        (null, ZoneDefined d) => new(d.ZoneId, d.Name, d.Kind, d.Reference, d.UnderstandingIds, e.Id, d.Rules, e.Id, [], 0, [], 0, false, e.Version),
        (null, _) => null,
        ({ } s, ZoneRulesChanged c) => s with
        {
            Rules = c.Rules, RulesEventId = e.Id,
            Standing = s.Standing.Select(w => w.Against(c.Rules)).ToList(),
            Version = e.Version
        },
        ({ } s, WithdrawalDeclared d) => s with
        {
            Standing = Declared(s.Standing, new WithdrawalStanding(e.Id, AsItStands.Replaced(e), d.Party, d.WeaponClass, d.DepthKm, d.Area,
                d.Provenance.Occurred, null, null, d.Measure ?? ComplianceMeasure.WithdrawalToDepth,
                d.Count, d.Unit, d.Place, d.Forces).Against(s.Rules)),
            DeclarationCount = s.DeclarationCount + 1,
            Version = e.Version
        },
        ({ } s, IWithdrawalAssessment a) => s with
        {
            Standing = s.Standing.Select(w => w.IsNamedBy(a.DeclarationEventId) ? w with { LatestAssessment = Assessment.Of(e.Id, a) } : w).ToList(),
            Version = e.Version
        },
        ({ } s, ViolationReported r) => s with
        {
            LatestViolations = Keep(s.LatestViolations, Violation.Of(e.Id, AsItStands.Replaced(e), r)),
            ViolationCount = s.ViolationCount + 1,
            Version = e.Version
        },
        ({ } s, IViolationRuling r) => s with
        {
            LatestViolations = s.LatestViolations.Select(v => v.IsNamedBy(r.ReportEventId) ? v with { LatestRuling = Ruling.Of(e.Id, r) } : v).ToList(),
            Version = e.Version
        },
        ({ } s, ZoneMapped m) => s with { Area = m.Area, AreaEventId = e.Id, Version = e.Version },
        ({ } s, DevelopmentRetracted r) when r.RetractedEventId == s.DefinedBy => s with { Retracted = true, Version = e.Version },
        ({ } s, _) => s with { Version = e.Version }
    };

    /// <summary>The party's latest declaration on a weapon class takes the place of its one before, if any.</summary>
    private static IReadOnlyList<WithdrawalStanding> Declared(IReadOnlyList<WithdrawalStanding> standing, WithdrawalStanding declared)
    {
        var at = standing.ToList().FindIndex(w => w.IsAbout(declared.Party, declared.Measure, declared.Subject));
        return at < 0 ? [.. standing, declared] : [.. standing.Take(at), declared, .. standing.Skip(at + 1)];
    }

    /// <summary>The latest reports by the first day they may have happened (ties in the order recorded), oldest first.</summary>
    private static IReadOnlyList<Violation> Keep(IReadOnlyList<Violation> latest, Violation report)
    {
        var at = latest.Count;
        while (at > 0 && latest[at - 1].Occurred.From > report.Occurred.From) at--;
        List<Violation> kept = [.. latest.Take(at), report, .. latest.Skip(at)];
        return kept.Count > Latest ? kept.Skip(kept.Count - Latest).ToList() : kept;
    }
}

/// <summary>
/// Where one party stands on one measure and its subject (a weapon class, forces or a place): its latest standing
/// declaration (DeclarationEventId, and the declarations it corrected, which assessments may still name), the
/// monitors' latest finding about it, and for a withdrawal to a depth the depth the zone's rules require.
/// </summary>
public sealed record WithdrawalStanding(
    Guid DeclarationEventId,
    IReadOnlyList<Guid> EarlierEventIds,
    string Party,
    string? WeaponClass,
    decimal? DeclaredDepthKm,
    string? Area,
    Occurrence Declared,
    decimal? RequiredDepthKm,
    Assessment? LatestAssessment,
    ComplianceMeasure Measure = ComplianceMeasure.WithdrawalToDepth,
    int? Count = null,
    string? Unit = null,
    string? Place = null,
    string? Forces = null)
{
    /// <summary>The count the rules require (at least), for a handover or cantonment; null when no rule sets one.</summary>
    public int? RequiredCount { get; init; }

    /// <summary>The earliest deadline the rules set for this measure and weapon class; null when none does.</summary>
    public DateOnly? RequiredBy { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string Subject => ComplianceMeasures.Subject(WeaponClass, Forces, Place) ?? "";

    /// <summary>
    /// Whether the declaration meets what the rules require of its measure and weapon class: the depth (the farthest
    /// "beyond X km" rule; bands with a maximum limit what stays inside and require no withdrawal), the count, and the
    /// deadline (by the last day the declared compliance may have happened). Null when no rule requires anything of it.
    /// </summary>
    public bool? MeetsRule => RequiredDepthKm is null && RequiredCount is null && RequiredBy is null
        ? null
        : (RequiredDepthKm is null || DeclaredDepthKm >= RequiredDepthKm) && (RequiredCount is null || Count >= RequiredCount)
          && (RequiredBy is null || Declared.Latest <= RequiredBy);

    /// <summary>What the rules require, as a reader says it ("10 km", "at least 7,000 by 2017-06-27"); null when nothing.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Requirement => MeetsRule is null ? null : string.Join(" ", new[]
    {
        RequiredDepthKm is { } km ? $"{km.ToString(System.Globalization.CultureInfo.InvariantCulture)} km" : null,
        RequiredCount is { } n ? $"at least {n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}" : null,
        RequiredBy is { } by ? $"by {by:yyyy-MM-dd}" : null
    }.OfType<string>());

    /// <summary>The standing held against the zone's rules of its measure that name its weapon class.</summary>
    public WithdrawalStanding Against(IReadOnlyList<WeaponRule> rules)
    {
        var named = WeaponClass is null ? [] : rules.Where(r => r.Measured == Measure && r.Covers(WeaponClass)).ToList();
        return this with
        {
            RequiredDepthKm = named.Where(r => r.MaximumDepthKm is null).Max(r => r.MinimumDepthKm),
            RequiredCount = named.Max(r => r.Count),
            RequiredBy = named.Min(r => r.Deadline)
        };
    }

    /// <summary>What the party declared, as a reader says it ("withdrew to 20 km", "handed over 12 tanks").</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Declaration => ComplianceMeasures.Words(Measure, DeclaredDepthKm, Count, Unit, Place, Forces);

    public WithdrawalStatus Status => LatestAssessment?.Finding ?? WithdrawalStatus.Declared;

    /// <summary>Whether the declared depth reaches the rule's minimum; null when no rule names the weapon class.</summary>
    public bool? DeclaredDepthMeetsRule => RequiredDepthKm is null ? null : DeclaredDepthKm >= RequiredDepthKm;

    public bool IsNamedBy(Guid eventId) => DeclarationEventId == eventId || EarlierEventIds.Contains(eventId);

    public bool IsAbout(string party, ComplianceMeasure measure, string subject) =>
        DeclareWithdrawal.Same(Party, party) && Measure == measure && DeclareWithdrawal.Same(Subject, subject);
}
