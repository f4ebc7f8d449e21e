using System.Text.Json.Serialization;
using NetTopologySuite.Geometries;

namespace Negotiations.Kernel;

/// <summary>How precisely a source places what it reports, in the field's grades (UCDP GED where_prec, ACLED geo_precision).</summary>
[Vocabulary("location-precision", "UCDP GED's where_prec (1-7) and ACLED's geo_precision (1-3), folded into five grades")]
public enum LocationPrecision
{
    [Definition("At the point or on the line given: a named village, crossing or position (UCDP 1, ACLED 1).")]
    Exact,
    [Definition("Near it, within about 25 km: the nearest named place (UCDP 2, ACLED 2).")]
    Near,
    [Definition("Somewhere in a district or second-order division, drawn as the district or its centre (UCDP 3, ACLED 3).")]
    District,
    [Definition("Somewhere in a province or governorate, drawn as the province or its centre (UCDP 4).")]
    Province,
    [Definition("Only the country is known, drawn as the country or its centre (UCDP 6).")]
    Country
}

/// <summary>
/// Where something is or happened: a GeoJSON geometry (RFC 7946: longitude and latitude in WGS 84), how precisely the
/// source places it, and the place's name as the source gives it. Part of the event: a correction replaces it (a
/// development that opened its stream, such as an incident, is retracted and logged anew).
/// </summary>
public sealed record Place([property: JsonRequired] Geometry Geometry, [property: JsonRequired] LocationPrecision Precision, string? Name = null)
{
    /// <summary>The place as a development keeps it: its name trimmed, none when blank.</summary>
    public Place Trimmed() => this with { Name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim() };
}

/// <summary>
/// A development about a place of its own: an incident's place, a zone's drawing. That place is where it is on the
/// map, so its provenance gives no other (<see cref="PlaceRules.PlacedOnce"/>).
/// </summary>
public interface IPlacedDevelopment : IDevelopment
{
    Place Place { get; }
}

public static class PlaceRules
{
    /// <summary>Where a development is on the map: its own place, or where its provenance says it happened; null when neither says.</summary>
    public static Place? Of(IDevelopment development) => development is IPlacedDevelopment placed ? placed.Place : development.Provenance.Location;

    /// <summary>A development with a place of its own (<paramref name="field"/>) takes no provenance.location beside it.</summary>
    public static Problems PlacedOnce(this Problems problems, Provenance? provenance, string field) =>
        problems.When(provenance?.Location is not null, "provenance.location", $"Its place is given once, as {field}: leave provenance.location out.");

    public const int MaxCoordinates = 10_000;

    /// <summary>The geometries a place takes: points, lines and areas, single or several.</summary>
    private static readonly HashSet<string> Kinds = ["Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon"];

    /// <summary>Checks a place; problems are named after the JSON path (zone.area.geometry).</summary>
    public static Problems Check(this Problems problems, Place? place, string field, bool required)
    {
        if (place is null) return required ? problems.Add(field, "Required: a GeoJSON geometry and its precision.") : problems;
        problems.Defined($"{field}.precision", place.Precision).Text($"{field}.name", place.Name, required: false);
        var geometry = place.Geometry;
        var at = $"{field}.geometry";
        if (geometry is null) return problems.Add(at, "Required: a GeoJSON geometry (RFC 7946).");
        if (!Kinds.Contains(geometry.GeometryType))
            return problems.Add(at, $"A Point, LineString, Polygon, MultiPoint, MultiLineString or MultiPolygon, not a {geometry.GeometryType}.");
        if (geometry.IsEmpty) return problems.Add(at, "The geometry has no coordinates.");
        if (geometry.NumPoints > MaxCoordinates) return problems.Add(at, $"At most {MaxCoordinates} positions; simplify the geometry.");
        foreach (var c in geometry.Coordinates)
            if (!(c.X is >= -180 and <= 180) || !(c.Y is >= -90 and <= 90))
                return problems.Add(at, $"Positions are [longitude, latitude] in degrees, longitude -180 to 180 and latitude -90 to 90: [{c.X}, {c.Y}] is not.");
        if (!geometry.IsValid)
            problems.Add(at, $"Not a valid {geometry.GeometryType}: {new NetTopologySuite.Operation.Valid.IsValidOp(geometry).ValidationError.Message.ToLowerInvariant()}.");
        return problems;
    }
}
