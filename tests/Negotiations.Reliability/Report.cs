using System.Globalization;
using System.Text;

namespace Negotiations.Reliability;

/// <summary>One line of the summary: a scenario's figure, its value, the target, whether it is met.</summary>
public sealed record Row(string Scenario, string Figure, string Value, string Target = "", bool? Met = null);

public sealed class Report
{
    private readonly List<Row> rows = [];
    private readonly List<string> notes = [];

    public IReadOnlyList<Row> Rows => rows;

    public void Add(string scenario, string figure, string value, string target = "", bool? met = null)
    {
        var row = new Row(scenario, figure, value, target, met);
        rows.Add(row);
        Console.WriteLine($"  {figure}: {value}" + (target.Length > 0 ? $" (target {target})" : "") + (met is { } m ? (m ? " met" : " MISSED") : ""));
    }

    public void Note(string note)
    {
        notes.Add(note);
        Console.WriteLine($"  note: {note}");
    }

    public bool Failed => rows.Any(r => r.Met == false);

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | figure | value | target | met? |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var r in rows)
            text.AppendLine($"| {r.Scenario} | {r.Figure} | {r.Value} | {r.Target} | {r.Met switch { true => "yes", false => "**no**", null => "" }} |");
        foreach (var n in notes) text.AppendLine().Append("- ").AppendLine(n);
        return text.ToString();
    }

    /// <summary>The same table for a terminal: fixed-width columns.</summary>
    public string Text()
    {
        var text = new StringBuilder();
        foreach (var r in rows)
            text.AppendLine($"{r.Scenario,-16} {Cut(r.Figure, 70),-70} {Cut(r.Value, 60),-60} {(r.Met switch { true => "ok", false => "FAILED", null => "" })}");
        return text.ToString();
    }

    private static string Cut(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}

public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Ms(double ms) => ms >= 100 ? $"{ms.ToString("N0", Invariant)} ms" : $"{ms.ToString("0.0", Invariant)} ms";
    public static string S(TimeSpan t) => $"{t.TotalSeconds.ToString("0.0", Invariant)} s";
    public static string S(double seconds) => $"{seconds.ToString("0.0", Invariant)} s";
    public static string N(long n) => n.ToString("N0", Invariant);
    public static string F(double x, string format = "0.0") => x.ToString(format, Invariant);

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
