using Microsoft.AspNetCore.Mvc;
using Negotiations.Validation;
using Wolverine.Http;

namespace Negotiations.Zones;

/// <summary>Checks shared by the zone's commands: depths, rule sets, and what an assessment or ruling may name.</summary>
public static class ZoneRules
{
    public const int MaxRules = 50;

    /// <summary>A depth in km from the zone's reference: more than 0, at most 1000.</summary>
    public static Problems Depth(this Problems problems, string field, decimal? km, bool required = true)
    {
        if (km is null) return required ? problems.Add(field, "Required: a depth in km.") : problems;
        return problems.When(km is <= 0 or > WeaponRule.MaxDepthKm, field, $"A depth in km: more than 0, at most {WeaponRule.MaxDepthKm}.");
    }

    public static Problems RuleSet(this Problems problems, IReadOnlyList<WeaponRule>? rules, string field = "rules")
    {
        if (rules is null) return problems.Add(field, "Required: the rules per weapon class (an empty list if there are none yet).");
        if (rules.Count > MaxRules) return problems.Add(field, $"At most {MaxRules} rules.");
        for (var i = 0; i < rules.Count; i++)
        {
            var at = $"{field}[{i}]";
            if (rules[i] is not { } rule) { problems.Add(at, "A rule cannot be null."); continue; }
            problems.Text($"{at}.weaponClass", rule.WeaponClass)
                .Depth($"{at}.minimumDepthKm", rule.MinimumDepthKm)
                .Depth($"{at}.maximumDepthKm", rule.MaximumDepthKm, required: false)
                .When(rule.MaximumDepthKm < rule.MinimumDepthKm, $"{at}.maximumDepthKm", "The maximum depth cannot be less than the minimum.")
                .Text($"{at}.limit", rule.Limit, required: false);
        }
        if (rules.Where(r => r?.WeaponClass is not null).GroupBy(r => r.WeaponClass.Trim(), StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
            problems.Add(field, "Each weapon class has one rule.");
        return problems;
    }

    public static IReadOnlyList<WeaponRule> Trimmed(this IReadOnlyList<WeaponRule> rules) => rules.Select(r => r.Trimmed()).ToList();

    public static ProblemDetails UnknownDevelopment(Guid eventId, string what) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Unknown development",
        Detail = $"No event has id {eventId}; name the {what} by its event id."
    };

    /// <summary>
    /// What an assessment or ruling may name: an event the zone holds as a standing declaration (or
    /// report), else 404 if no such event exists anywhere, else 422 saying what it is instead.
    /// </summary>
    public static ProblemDetails Names(bool zoneHoldsIt, Guid eventId, Type? namedType, bool namedInThisZone, Type wanted, string what) =>
        zoneHoldsIt ? WolverineContinue.NoProblems
        : namedType is null ? UnknownDevelopment(eventId, what)
        : !namedInThisZone ? DomainProblem.Refused($"Event {eventId} is not a {what} of this zone; name one of this zone's.")
        : namedType == wanted ? DomainProblem.Refused($"The {what} {eventId} was retracted; there is nothing to assess.")
        : DomainProblem.Refused($"Event {eventId} is not a {what}; name the {what}'s event id.");
}
