using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Casualties;

public static class CasualtyRules
{
    public const int MaxBreakdown = 50;

    /// <summary>
    /// The figures the form needs, and no others (a figure the source did not give is never filled in); all at least 0,
    /// and low &lt;= best &lt;= high where more than one is given. Without a form, a best figure with optional bounds.
    /// </summary>
    public static Problems Figures(this Problems problems, CasualtyFigures? figures, string field = "figures")
    {
        if (figures is null) return problems.Add(field, $"Required: the figures as the source states them ({FormsAccepted}).");
        var form = figures.Form;
        var (needs, allows) = form switch
        {
            EstimateForm.Best => (new[] { "best" }, new[] { "low", "best", "high" }),
            EstimateForm.Exact or EstimateForm.About => (["best"], ["best"]),
            EstimateForm.AtLeast or EstimateForm.MoreThan => (["low"], ["low"]),
            EstimateForm.AtMost or EstimateForm.FewerThan => (["high"], ["high"]),
            EstimateForm.Range => (["low", "high"], ["low", "best", "high"]),
            _ => (Array.Empty<string>(), Array.Empty<string>())
        };
        var stated = figures.Stated is null ? "a best figure" : $"\"{DomainProblem.Word(form)}\"";
        foreach (var (name, value) in new[] { ("low", figures.Low), ("best", figures.Best), ("high", figures.High) })
        {
            if (value is null && needs.Contains(name))
                problems.Add($"{field}.{name}", $"Required: {stated} gives {string.Join(" and ", needs)}.");
            else if (value is not null && !allows.Contains(name))
                problems.Add($"{field}.{name}", form == EstimateForm.NoFigure
                    ? "\"no-figure\" gives no number: leave it out, or state the form the source uses."
                    : $"{char.ToUpperInvariant(stated[0])}{stated[1..]} gives only {string.Join(", ", allows)}: leave {name} out, or state another form ({FormsAccepted}).");
            else if (value is < 0) problems.Add($"{field}.{name}", "At least 0.");
        }
        if (figures.Low > figures.Best) problems.Add($"{field}.low", "Low cannot exceed best.");
        if (figures.Best > figures.High) problems.Add($"{field}.high", "High cannot be below best.");
        else if (figures.Low > figures.High) problems.Add($"{field}.high", "High cannot be below low.");
        return problems;
    }

    /// <summary>The forms a source's figures can take, in the API's words.</summary>
    public static readonly string FormsAccepted =
        "stated as " + string.Join(", ", Enum.GetValues<EstimateForm>().Select(f => DomainProblem.Word(f))) + "; without it, a best figure with optional low and high";

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
