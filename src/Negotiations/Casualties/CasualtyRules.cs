using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Casualties;

public static class CasualtyRules
{
    public const int MaxBreakdown = 50;

    /// <summary>Best is required; Low and High are optional bounds; all at least 0 and Low &lt;= Best &lt;= High.</summary>
    public static Problems Figures(this Problems problems, CasualtyFigures? figures, string field = "figures")
    {
        if (figures is null) return problems.Add(field, "Required: at least the best figure.");
        problems.When(figures.Best is null, $"{field}.best", "Required: the source's own figure.")
            .When(figures.Low is < 0, $"{field}.low", "At least 0.")
            .When(figures.Best is < 0, $"{field}.best", "At least 0.")
            .When(figures.High is < 0, $"{field}.high", "At least 0.");
        if (figures.Low > figures.Best) problems.Add($"{field}.low", "Low cannot exceed best.");
        if (figures.Best > figures.High) problems.Add($"{field}.high", "High cannot be below best.");
        else if (figures.Low > figures.High) problems.Add($"{field}.high", "High cannot be below low.");
        return problems;
    }

    /// <summary>Each part is named once and counted from 0; no part can exceed the high figure when the source gives one.</summary>
    public static Problems Breakdown(this Problems problems, IReadOnlyList<CasualtyBreakdown>? breakdown, CasualtyFigures? figures, string field = "breakdown")
    {
        if (breakdown is null) return problems;
        if (breakdown.Count > MaxBreakdown) return problems.Add(field, $"At most {MaxBreakdown} parts.");
        for (var i = 0; i < breakdown.Count; i++)
        {
            if (breakdown[i] is not { } part) { problems.Add($"{field}[{i}]", "A part cannot be null."); continue; }
            problems.Text($"{field}[{i}].category", part.Category).When(part.Count < 0, $"{field}[{i}].count", "At least 0.");
            if (figures?.High is { } high && part.Count > high) problems.Add($"{field}[{i}].count", $"A part cannot exceed the high figure ({high}).");
        }
        if (breakdown.Where(p => !string.IsNullOrWhiteSpace(p?.Category)).GroupBy(p => p.Category.Trim(), StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
            problems.Add(field, "Each category is named once.");
        return problems;
    }

    public static IReadOnlyList<CasualtyBreakdown> Trimmed(this IReadOnlyList<CasualtyBreakdown> breakdown) =>
        breakdown.Select(p => p with { Category = p.Category.Trim() }).ToList();

    public static bool SameSource(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    public static ProblemDetails Open(long expectedVersion, CasualtyClaim claim)
    {
        var stale = StreamVersion.Check(expectedVersion, claim.Version, "the casualty claim");
        if (stale != WolverineContinue.NoProblems) return stale;
        return claim.Retracted
            ? DomainProblem.Refused($"Casualty claim {claim.Id} was retracted; nothing more can be logged against it.")
            : WolverineContinue.NoProblems;
    }
}
