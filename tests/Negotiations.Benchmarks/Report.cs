using System.Globalization;
using System.Text;

namespace Negotiations.Benchmarks;

/// <summary>One line of the table: a figure, its baseline measured in the same run, the ratio, the target and whether it is met.</summary>
public sealed record Row(string Figure, string Value, string Baseline, double? Ratio, string Target, bool? Met, string? Note = null);

public sealed class Report
{
    private readonly List<Row> rows = [];
    private readonly List<string> notes = [];

    public void Add(Row row)
    {
        rows.Add(row);
        Console.WriteLine($"  {row.Figure}: {row.Value}" + (row.Baseline.Length > 0 ? $" (baseline {row.Baseline})" : "") +
                          (row.Ratio is { } r ? $" ratio {Format.Ratio(r)}" : "") + (row.Met is { } m ? (m ? " met" : " MISSED") : ""));
    }

    public void Note(string note)
    {
        notes.Add(note);
        Console.WriteLine($"  note: {note}");
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| figure | value | baseline | ratio | target | met? |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var r in rows)
            text.AppendLine($"| {r.Figure} | {r.Value} | {r.Baseline} | {(r.Ratio is { } x ? Format.Ratio(x) : "")} | {r.Target} | {r.Met switch { true => "yes", false => "**no**", null => "" }} |");
        foreach (var r in rows.Where(r => r.Note is not null)) text.AppendLine().Append("- ").Append(r.Figure).Append(": ").AppendLine(r.Note);
        foreach (var n in notes) text.AppendLine().Append("- ").AppendLine(n);
        return text.ToString();
    }
}

public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Rate(double perSecond, string unit) => perSecond >= 100
        ? $"{perSecond.ToString("N0", Invariant)} {unit}/s"
        : $"{perSecond.ToString("0.0", Invariant)} {unit}/s";

    public static string Ms(double ms) => ms >= 100 ? $"{ms.ToString("N0", Invariant)} ms" : $"{ms.ToString("0.0", Invariant)} ms";

    public static string Ratio(double ratio) => ratio >= 10 ? $"{ratio.ToString("0", Invariant)}x" : $"{(ratio * 100).ToString("0", Invariant)}%";

    public static string N(long n) => n.ToString("N0", Invariant);
}

/// <summary>Latencies of one series of requests, in milliseconds.</summary>
public sealed class Latencies
{
    private readonly List<double> values = [];

    public void Add(double ms) { lock (values) values.Add(ms); }

    public void AddRange(IEnumerable<double> ms) { lock (values) values.AddRange(ms); }

    public int Count => values.Count;

    public IReadOnlyList<double> Values { get { lock (values) return values.ToArray(); } }

    public double Percentile(double p)
    {
        lock (values)
        {
            if (values.Count == 0) return double.NaN;
            var sorted = values.Order().ToArray();
            var index = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
            return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
        }
    }

    public double P50 => Percentile(50);
    public double P99 => Percentile(99);

    public string Summary => $"p50 {Format.Ms(P50)} / p99 {Format.Ms(P99)}";
}
