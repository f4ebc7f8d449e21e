using System.Globalization;
using Negotiations.Kernel;

namespace Negotiations.ReadModels.Places;

/// <summary>A bbox query parameter: west, south, east and north edges in degrees (RFC 7946 section 5).</summary>
public sealed record BoundingBox(double West, double South, double East, double North)
{
    public const string Description = "West, south, east and north edges in degrees, comma-separated: 35.5,32.5,37,33.5";

    public static BoundingBox? Parse(string? text, Problems problems)
    {
        if (text is null) return null;
        var numbers = text.Split(',').Select(p => double.TryParse(p.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.NaN).ToArray();
        if (numbers.Length != 4 || numbers.Any(n => !double.IsFinite(n)))
        {
            problems.Add("bbox", "Four numbers, comma-separated: west, south, east, north, in degrees.");
            return null;
        }
        var box = new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
        if (box.West is < -180 or > 180 || box.East is < -180 or > 180 || box.South is < -90 or > 90 || box.North is < -90 or > 90)
            problems.Add("bbox", "Longitudes are -180 to 180, latitudes -90 to 90.");
        else if (box.West > box.East || box.South > box.North)
            problems.Add("bbox", "West comes before east and south before north (a box across the antimeridian is two queries).");
        return problems.Any ? null : box;
    }
}
