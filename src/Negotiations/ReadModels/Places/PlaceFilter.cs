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

    /// <summary>
    /// On the recording axis: as recorded by knownAt (a row taken back later is still there), through the event of
    /// sequence toSequence (a release's last), both, or as it stands now. The rows keep event ids, not sequences (an
    /// inline projection does not know an event's sequence yet): each is read from the log's unique index on the event id.
    /// </summary>
    public PlaceFilter Recorded(DateTimeOffset? knownAt, long? toSequence, string events)
    {
        if (knownAt is null && toSequence is null) return Add($"p.{takenBack} is null");
        if (knownAt is { } k) Add($"p.recorded <= ? and (p.{takenBack} is null or p.{takenBack} > ?)", k.ToUniversalTime(), k.ToUniversalTime());
        if (toSequence is { } last)
            Add($"(select e.seq_id from {events} e where e.id = p.event_id) <= ? " +
                $"and (p.{takenBack}_by is null or (select e.seq_id from {events} e where e.id = p.{takenBack}_by) > ?)", last, last);
        return this;
    }

    /// <summary>Crossing the box: ST_Intersects takes the GiST index itself (PostGIS adds the box test).</summary>
    public PlaceFilter Within(BoundingBox? box) => box is { } b
        ? Add("ST_Intersects(p.geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))", b.West, b.South, b.East, b.North)
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
