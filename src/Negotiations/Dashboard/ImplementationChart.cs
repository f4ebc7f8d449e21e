using System.Globalization;

namespace Negotiations.Dashboard;

/// <summary>A point of the chart in SVG coordinates, with the day and value it shows.</summary>
public sealed record ChartPoint(double X, double Y, DateOnly Day, decimal Percent);

/// <summary>
/// Pure geometry of the "overall implementation over time" line chart: days on the x axis (spaced by time),
/// 0-100 % on the y axis. Days on which the roadmap had no commitment yet are left out.
/// </summary>
public sealed record ImplementationChart(IReadOnlyList<ChartPoint> Points)
{
    public const double Width = 640, Height = 220, Left = 44, Right = 16, Top = 12, Bottom = 34;

    public static ImplementationChart Of(IReadOnlyList<ImplementationPoint> series)
    {
        var known = series.Where(p => p.Percent is not null).ToList();
        if (known.Count == 0) return new([]);
        var first = known[0].Day.DayNumber;
        var span = Math.Max(1, known[^1].Day.DayNumber - first);
        var plotWidth = Width - Left - Right;
        return new(known.Select(p => new ChartPoint(
            known.Count == 1 ? Left + plotWidth / 2 : Left + plotWidth * (p.Day.DayNumber - first) / span,
            Y((double)p.Percent!.Value), p.Day, p.Percent.Value)).ToList());
    }

    public static double Y(double percent) => Top + (Height - Top - Bottom) * (1 - percent / 100);

    public string Polyline => string.Join(" ", Points.Select(p => $"{F(p.X)},{F(p.Y)}"));

    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
