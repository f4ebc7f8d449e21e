using System.Globalization;
using Negotiations.Kernel;

namespace Negotiations.Casualties;

/// <summary>
/// How a source states its figure. Nothing is ever filled in that the source did not give: "more than 2,000" is a
/// low bound and no best figure; a range without a best figure has none.
/// </summary>
[Vocabulary("estimate-form", "How sources state figures: UCDP's low, best and high estimates, and the bounds and ranges sources write")]
public enum EstimateForm
{
    [Definition("A best figure with the low and high bounds the source gives, if any (UCDP's low / best / high).")]
    Best,
    [Definition("One figure, stated as exact (\"2,000 killed\").")]
    Exact,
    [Definition("One figure, stated as approximate (\"about 2,000\").")]
    About,
    [Definition("A low bound only (\"at least 2,000\").")]
    AtLeast,
    [Definition("A low bound only, not reached by the figure itself (\"more than 2,000\").")]
    MoreThan,
    [Definition("A high bound only (\"at most 300\", \"up to 300\").")]
    AtMost,
    [Definition("A high bound only, not reached by the figure itself (\"fewer than 300\").")]
    FewerThan,
    [Definition("A low and a high figure, with a best figure only if the source gives one (\"162,000-378,000\").")]
    Range,
    [Definition("No number at all: the source reports casualties, or disputes a toll, without a figure.")]
    NoFigure
}

/// <summary>
/// A source's figures as it states them: the form (<see cref="Stated"/>) says which of low, best and high it gave.
/// Figures recorded before forms were stated are a best figure with optional bounds (<see cref="EstimateForm.Best"/>).
/// </summary>
public sealed record CasualtyFigures(int? Low = null, int? Best = null, int? High = null, EstimateForm? Stated = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public EstimateForm Form => Stated ?? EstimateForm.Best;

    /// <summary>The figures with their form always named, as readers get them.</summary>
    public CasualtyFigures Named() => Stated is null ? this with { Stated = Form } : this;

    /// <summary>The figures in the source's own terms, e.g. "more than 2,000", "162,000–378,000 (best 250,000)".</summary>
    public string Words() => Form switch
    {
        EstimateForm.Exact => N(Best),
        EstimateForm.About => $"about {N(Best)}",
        EstimateForm.AtLeast => $"at least {N(Low)}",
        EstimateForm.MoreThan => $"more than {N(Low)}",
        EstimateForm.AtMost => $"at most {N(High)}",
        EstimateForm.FewerThan => $"fewer than {N(High)}",
        EstimateForm.Range => $"{N(Low)}–{N(High)}{(Best is { } best ? $" (best {N(best)})" : "")}",
        EstimateForm.NoFigure => "no figure given",
        _ => N(Best) + Bounds()
    };

    private string Bounds()
    {
        var bounds = string.Join(", ", new[] { Low is { } low ? $"low {N(low)}" : null, High is { } high ? $"high {N(high)}" : null }.OfType<string>());
        return bounds.Length > 0 ? $" ({bounds})" : "";
    }

    private static string N(int? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "?";
}

/// <summary>A part of the toll the source singles out (e.g. civilians, executions); Alleged marks what the source itself calls alleged.</summary>
public sealed record CasualtyBreakdown(string Category, int Count, bool Alleged = false);

/// <summary>One version of a source's figures, as first published or as revised, with the event that gave it.</summary>
public sealed record CasualtyCount(Guid EventId, CasualtyFigures Figures, IReadOnlyList<CasualtyBreakdown> Breakdown, string? Note, Occurrence Reported);

/// <summary>Another source contests the claim, in the event that said so.</summary>
public sealed record CasualtyDispute(Guid EventId, string DisputedBy, string Reason, Occurrence Occurred);
