namespace Negotiations.ReadModels.Places;

/// <summary>
/// The where-clause of a query over a places table (alias p): in a box, on both time axes. The table's column named
/// <paramref name="takenBack"/> holds when its row was taken back (retracted or corrected), if it was.
/// </summary>
public sealed class PlaceFilter(string takenBack)
{
    public List<string> Clauses { get; } = [];
    public List<object> Parameters { get; } = [];

    public PlaceFilter Add(string clause, params object[] parameters)
    {
        Clauses.Add(clause);
        Parameters.AddRange(parameters);
        return this;
    }

    /// <summary>As recorded by knownAt (a row taken back later is still there), or as it stands now.</summary>
    public PlaceFilter KnownAt(DateTimeOffset? knownAt) => knownAt is { } k
        ? Add($"p.recorded <= ? and (p.{takenBack} is null or p.{takenBack} > ?)", k.ToUniversalTime(), k.ToUniversalTime())
        : Add($"p.{takenBack} is null");

    public PlaceFilter Within(BoundingBox? box) => box is { } b
        ? Add("p.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) and ST_Intersects(p.geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))",
            b.West, b.South, b.East, b.North, b.West, b.South, b.East, b.North)
        : this;

    /// <summary>Occurred in the range from..to (the dates overlap), and by the day asOf.</summary>
    public PlaceFilter Occurred(DateOnly? from, DateOnly? to, DateOnly? asOf)
    {
        if (from is { } start) Add("p.occurred_to >= ?", start);
        if (to is { } end) Add("p.occurred_from <= ?", end);
        if (asOf is { } day) Add("p.occurred_from <= ?", day);
        return this;
    }

    public string Where => Clauses.Count == 0 ? "true" : string.Join(" and ", Clauses);
}
