using Negotiations.Validation;

namespace Negotiations.Sources;

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

        var occurred = provenance.Occurred;
        if (occurred is null) problems.Add($"{field}.occurred", "When it occurred is required.");
        else if (occurred.Precision == DatePrecision.Range)
        {
            if (occurred.To is null) problems.Add($"{field}.occurred.to", "A range needs its last day.");
            else if (occurred.To < occurred.From) problems.Add($"{field}.occurred.to", "The range ends before it starts.");
        }
        else if (occurred.To is not null) problems.Add($"{field}.occurred.to", "Only a range has a last day.");
        else if (occurred.Precision == DatePrecision.Month && occurred.From.Day != 1)
            problems.Add($"{field}.occurred.from", "A month is given by its first day.");
        return problems;
    }
}
