using Negotiations.Kernel;

namespace Negotiations.Kernel;

public static class ProvenanceRules
{
    public const int MaxSources = 20;

    /// <summary>Checks a development's provenance; errors are named after the JSON path, e.g. provenance.sources[0].name.</summary>
    public static Problems Check(this Problems problems, Provenance? provenance, string field = "provenance")
    {
        if (provenance is null) return problems.Add(field, "Provenance is required: at least one source and when it occurred.");

        if (provenance.Sources is null || provenance.Sources.Count == 0)
            problems.Add($"{field}.sources", "At least one source is required.");
        else if (provenance.Sources.Count > MaxSources)
            problems.Add($"{field}.sources", $"At most {MaxSources} sources.");
        else
            for (var i = 0; i < provenance.Sources.Count; i++)
            {
                var source = provenance.Sources[i];
                var at = $"{field}.sources[{i}]";
                if (source is null) { problems.Add(at, "A source cannot be null."); continue; }
                problems.Text($"{at}.name", source.Name, required: true);
                problems.Text($"{at}.citation", source.Citation, required: false, max: 2000);
                if (source.Credibility is < 1 or > 6) problems.Add($"{at}.credibility", "Credibility is graded 1 (confirmed) to 6 (cannot be judged).");
                if (!Enum.IsDefined(source.Reliability)) problems.Add($"{at}.reliability", "Reliability is graded A to F.");
            }

        problems.Occurrence($"{field}.occurred", provenance.Occurred, missing: "When it occurred is required.");
        return problems.Check(provenance.Location, $"{field}.location", required: false);
    }

    /// <summary>A date as precise as it is known: a day, a month or a year (given by its first day) or a range From..To.</summary>
    public static Problems Occurrence(this Problems problems, string field, Occurrence? value, bool required = true, string missing = "Required.")
    {
        if (value is null) return required ? problems.Add(field, missing) : problems;
        if (!Enum.IsDefined(value.Precision)) return problems.Add($"{field}.precision", "One of day, month, year, range.");
        if (value.Precision == DatePrecision.Range)
        {
            if (value.To is null) problems.Add($"{field}.to", "A range needs its last day.");
            else if (value.To < value.From) problems.Add($"{field}.to", "The range ends before it starts.");
        }
        else if (value.To is not null) problems.Add($"{field}.to", "Only a range has a last day.");
        else if (value.Precision == DatePrecision.Month && value.From.Day != 1) problems.Add($"{field}.from", "A month is given by its first day (or written YYYY-MM).");
        else if (value.Precision == DatePrecision.Year && (value.From.Day, value.From.Month) != (1, 1)) problems.Add($"{field}.from", "A year is given by its first day (or written YYYY).");
        return problems;
    }
}
