namespace Negotiations.Zones;

/// <summary>
/// What kind of separation a zone is. A demilitarised zone keeps weapons out altogether; an area of
/// separation is held by a third party between the lines; a limitation band caps forces at a depth
/// (the 1974 10/20 km bands); a withdrawal line is a distance each side pulls a weapon class back
/// behind (the Minsk 50/70/140 km lines).
/// </summary>
public enum ZoneKind
{
    DemilitarisedZone,
    AreaOfSeparation,
    LimitationBand,
    WithdrawalLine
}

/// <summary>
/// What is known about a declared withdrawal, in OSCE monitoring-report terms: declared by the party,
/// then observed, verified, unverifiable (the monitor could not check) or contradicted by a monitor.
/// </summary>
public enum WithdrawalStatus
{
    Declared,
    Observed,
    Verified,
    Unverifiable,
    Contradicted
}

public enum ViolationStatus
{
    Reported,
    Verified,
    Disputed
}

/// <summary>
/// One rule of a zone: a weapon class (free text from the agreement, e.g. "heavy weapons",
/// "artillery >= 100 mm") kept at least MinimumDepthKm from the reference place or line, and at most
/// MaximumDepthKm where the rule is a band; a band may start at 0 (the reference itself). Limit says what is allowed inside, if anything
/// (e.g. "up to 75 tanks").
/// </summary>
public sealed record WeaponRule(string WeaponClass, decimal MinimumDepthKm, decimal? MaximumDepthKm = null, string? Limit = null)
{
    public const decimal MaxDepthKm = 1000m;

    public WeaponRule Trimmed() => this with { WeaponClass = WeaponClass.Trim(), Limit = string.IsNullOrWhiteSpace(Limit) ? null : Limit.Trim() };

    public bool Covers(string weaponClass) => string.Equals(WeaponClass.Trim(), weaponClass.Trim(), StringComparison.OrdinalIgnoreCase);
}
