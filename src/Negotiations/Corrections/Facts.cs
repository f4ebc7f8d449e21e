namespace Negotiations.Corrections;

/// <summary>A value a write model or read model holds because of one event, so that a correction can take it back.</summary>
public sealed record Fact<T>(Guid EventId, T Value);

/// <summary>
/// Models keep what developments told them keyed by the event that told it. A retraction or a
/// correction names an event; taking its facts out is all it takes to honour it, in any projection,
/// without replaying the stream.
/// </summary>
public static class Facts
{
    public static IReadOnlyList<Fact<T>> Start<T>(Guid eventId, T value) => [new(eventId, value)];

    public static IReadOnlyList<Fact<T>> With<T>(this IReadOnlyList<Fact<T>> facts, Guid eventId, T value) =>
        [.. facts, new(eventId, value)];

    public static IReadOnlyList<Fact<T>> Without<T>(this IReadOnlyList<Fact<T>> facts, Guid eventId) =>
        facts.Any(f => f.EventId == eventId) ? facts.Where(f => f.EventId != eventId).ToList() : facts;

    /// <summary>The value that stands now: the latest one not taken back.</summary>
    public static T Current<T>(this IReadOnlyList<Fact<T>> facts, T otherwise) => facts.Count == 0 ? otherwise : facts[^1].Value;

    public static IEnumerable<T> Values<T>(this IReadOnlyList<Fact<T>> facts) => facts.Select(f => f.Value);
}
