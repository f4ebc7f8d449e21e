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
            problems.Text($"{at}.weaponClass", rule.WeaponClass).Text($"{at}.limit", rule.Limit, required: false);
            var word = $"\"{rule.Measured.Word()}\"";
            switch (rule.Measured)
            {
                case ComplianceMeasure.WithdrawalToDepth:
                    problems.When(rule.MinimumDepthKm is < 0 or > WeaponRule.MaxDepthKm, $"{at}.minimumDepthKm",
                            $"A depth in km from the reference: 0 (at the reference itself) to {WeaponRule.MaxDepthKm}.")
                        .Depth($"{at}.maximumDepthKm", rule.MaximumDepthKm, required: false)
                        .When(rule.MaximumDepthKm <= (rule.MinimumDepthKm ?? 0), $"{at}.maximumDepthKm", "A band ends beyond where it starts: more than the minimum depth.")
                        .When(rule.Count is not null, $"{at}.count", "A rule of depths counts nothing: what is allowed inside a band is its limit.")
                        .When(rule.Place is not null, $"{at}.place", "A rule of depths is measured from the zone's reference: leave place out.");
                    break;
                case ComplianceMeasure.WithdrawalBehindLine or ComplianceMeasure.Handover or ComplianceMeasure.Cantonment:
                    problems.When(rule.MinimumDepthKm is not null, $"{at}.minimumDepthKm", $"Only \"withdrawal-to-depth\" rules have depths; {word} does not.")
                        .When(rule.MaximumDepthKm is not null, $"{at}.maximumDepthKm", $"Only \"withdrawal-to-depth\" rules have depths; {word} does not.")
                        .When(rule.Count is < 0, $"{at}.count", "At least 0.")
                        .When(rule.Count is not null && rule.Measured == ComplianceMeasure.WithdrawalBehindLine, $"{at}.count", $"{word} counts nothing: leave count out.")
                        .Text($"{at}.place", rule.Place, required: rule.Measured == ComplianceMeasure.WithdrawalBehindLine, max: 200);
                    break;
                default:
                    problems.Add($"{at}.measure", $"A zone's rules are about weapon classes: withdrawal-to-depth, withdrawal-behind-line, handover or cantonment. " +
                        $"Log {word} itself with DeclareWithdrawal.");
                    break;
            }
        }
        // A weapon class may have several bands (0-10 km: at most 75 tanks; 10-20 km: at most 450), one per starting depth.
        if (rules.Where(r => r?.WeaponClass is not null)
            .GroupBy(r => (r.WeaponClass.Trim().ToLowerInvariant(), r.Measured, r.MinimumDepthKm ?? 0)).Any(g => g.Count() > 1))
            problems.Add(field, "A weapon class has one rule per measure and minimum depth.");
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
