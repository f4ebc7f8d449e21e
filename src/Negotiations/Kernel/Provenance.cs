namespace Negotiations.Kernel;

/// <summary>
/// Where a development comes from, when it happened and, when a source says, where: a <see cref="Place"/> on the map
/// (a round's venue, the province of a casualty claim). Every development event carries one.
/// When it was recorded, and by whom, is Marten's metadata, never part of the event.
/// </summary>
public sealed record Provenance(
    IReadOnlyList<Source> Sources,
    Occurrence Occurred,
    // Left out when there is none, so a development without a place is stored as before places existed.
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] Place? Location = null);

/// <summary>Who reported a development, graded on the Admiralty scale (reliability A-F, credibility 1-6).</summary>
public sealed record Source(
    string Name,
    SourceKind Kind,
    string? Citation = null,
    DateOnly? Published = null,
    Reliability Reliability = Reliability.F,
    int Credibility = 6);

[Vocabulary("source-kind", "Source types in conflict-event coding (ACLED and UCDP source types)")]
public enum SourceKind
{
    [Definition("A government, ministry or official spokesperson.")]
    Government,
    [Definition("Armed forces or an armed group's military command.")]
    Military,
    [Definition("A non-governmental or monitoring organisation.")]
    Ngo,
    [Definition("A news organisation or journalist.")]
    Media,
    [Definition("A mediator or a facilitating third party.")]
    Mediator,
    [Definition("Diplomats or diplomatic sources.")]
    Diplomatic,
    [Definition("A source not named.")]
    Anonymous,
    [Definition("Any other source.")]
    Other
}

/// <summary>Admiralty source reliability: A completely reliable ... E unreliable, F cannot be judged.</summary>
[Vocabulary("reliability", "The Admiralty (NATO STANAG 2511) grading of a source's reliability")]
public enum Reliability
{
    [Definition("Completely reliable.")]
    A,
    [Definition("Usually reliable.")]
    B,
    [Definition("Fairly reliable.")]
    C,
    [Definition("Not usually reliable.")]
    D,
    [Definition("Unreliable.")]
    E,
    [Definition("Reliability cannot be judged.")]
    F
}

[Vocabulary("date-precision", "How precisely a date is known (UCDP GED date precision)")]
public enum DatePrecision
{
    [Definition("The day is known.")]
    Day,
    [Definition("Only the month is known.")]
    Month,
    [Definition("It happened between two days.")]
    Range,
    [Definition("Only the year is known.")]
    Year
}

/// <summary>
/// When a development happened, as precisely as it is known: a day, a month or a year (From is its first day), or an
/// approximate range From..To. Sent as people write dates ("2025-09-14", "2025-09", "2025", a range "2025-07/2025-09")
/// or as the object it is always answered with (<see cref="OccurrenceJson"/>).
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(OccurrenceJson))]
public sealed record Occurrence(DateOnly From, DatePrecision Precision = DatePrecision.Day, DateOnly? To = null)
{
    public static Occurrence On(DateOnly day) => new(day);

    /// <summary>The last day the development may have happened on.</summary>
    public DateOnly Latest => Precision switch
    {
        DatePrecision.Month => From.AddMonths(1).AddDays(-1),
        DatePrecision.Year => From.AddYears(1).AddDays(-1),
        DatePrecision.Range => To ?? From,
        _ => From
    };

    /// <summary>The forms a date may be written in, in the API's words.</summary>
    public const string Forms =
        "a day YYYY-MM-DD, a month YYYY-MM, a year YYYY or a range of them as FROM/TO (e.g. \"2025-07/2025-09\"), each a JSON string; " +
        "or a JSON object with the fields from, precision (day, month, year, range) and to";

    /// <summary>A date as people write it: a day, a month, a year, or a range FROM/TO of any of them; null when it is none of these.</summary>
    public static Occurrence? Written(string text)
    {
        var parts = text.Trim().Split('/');
        if (parts.Length == 2)
            return Single(parts[0]) is { } from && Single(parts[1]) is { } to && to.Latest >= from.From
                ? new Occurrence(from.From, DatePrecision.Range, to.Latest)
                : null;
        return parts.Length == 1 ? Single(parts[0]) : null;
    }

    private static Occurrence? Single(string text)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var none = System.Globalization.DateTimeStyles.None;
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", invariant, none, out var day)) return new(day);
        if (DateOnly.TryParseExact(text, "yyyy-MM", invariant, none, out var month)) return new(month, DatePrecision.Month);
        if (text.Length == 4 && DateOnly.TryParseExact(text, "yyyy", invariant, none, out var year)) return new(year, DatePrecision.Year);
        return null;
    }
}
