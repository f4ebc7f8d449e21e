using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
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
                .When(rule.MinimumDepthKm is < 0 or > WeaponRule.MaxDepthKm, $"{at}.minimumDepthKm",
                    $"A depth in km from the reference: 0 (at the reference itself) to {WeaponRule.MaxDepthKm}.")
                .Depth($"{at}.maximumDepthKm", rule.MaximumDepthKm, required: false)
                .When(rule.MaximumDepthKm <= rule.MinimumDepthKm, $"{at}.maximumDepthKm", "A band ends beyond where it starts: more than the minimum depth.")
                .Text($"{at}.limit", rule.Limit, required: false);
        }
        // A weapon class may have several bands (0-10 km: at most 75 tanks; 10-20 km: at most 450), one per starting depth.
        if (rules.Where(r => r?.WeaponClass is not null)
            .GroupBy(r => (r.WeaponClass.Trim().ToLowerInvariant(), r.MinimumDepthKm)).Any(g => g.Count() > 1))
            problems.Add(field, "A weapon class has one rule per minimum depth.");
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
    /// What an assessment or ruling may name: one of the latest declarations (or reports) the zone keeps, or else
    /// the named event, read by its id: 404 if no such event exists anywhere, 422 if it is not one of this zone's,
    /// not a declaration (or report), or taken back by a retraction; an older one that stands is named rightly.
    /// </summary>
    public static ProblemDetails Names(Zone zone, bool oneOfTheLatest, Guid eventId, IEvent? named, Type wanted, string what) =>
        oneOfTheLatest ? WolverineContinue.NoProblems
        : named is null ? UnknownDevelopment(eventId, what)
        : named.StreamId != zone.Id ? DomainProblem.Refused($"Event {eventId} is not a {what} of this zone; name one of this zone's.")
        : named.Data.GetType() != wanted ? DomainProblem.Refused($"Event {eventId} is not a {what}; name the {what}'s event id.")
        : zone.RetractedEventIds.Contains(eventId) ? DomainProblem.Refused($"The {what} {eventId} was retracted; there is nothing to assess.")
        : WolverineContinue.NoProblems;
}
