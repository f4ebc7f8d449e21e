namespace Negotiations.Kernel;

/// <summary>
/// Where a development comes from and when it happened. Every development event carries one.
/// When it was recorded, and by whom, is Marten's metadata, never part of the event.
/// </summary>
public sealed record Provenance(IReadOnlyList<Source> Sources, Occurrence Occurred);

/// <summary>Who reported a development, graded on the Admiralty scale (reliability A-F, credibility 1-6).</summary>
public sealed record Source(
    string Name,
    SourceKind Kind,
    string? Citation = null,
    DateOnly? Published = null,
    Reliability Reliability = Reliability.F,
    int Credibility = 6);

public enum SourceKind { Government, Military, Ngo, Media, Mediator, Diplomatic, Anonymous, Other }

/// <summary>Admiralty source reliability: A completely reliable ... E unreliable, F cannot be judged.</summary>
public enum Reliability { A, B, C, D, E, F }

public enum DatePrecision { Day, Month, Range }

/// <summary>
/// When a development happened, as precisely as it is known: a day, a month (From is its first day),
/// or an approximate range From..To.
/// </summary>
public sealed record Occurrence(DateOnly From, DatePrecision Precision = DatePrecision.Day, DateOnly? To = null)
{
    public static Occurrence On(DateOnly day) => new(day);

    /// <summary>The last day the development may have happened on.</summary>
    public DateOnly Latest => Precision switch
    {
        DatePrecision.Month => From.AddMonths(1).AddDays(-1),
        DatePrecision.Range => To ?? From,
        _ => From
    };
}
