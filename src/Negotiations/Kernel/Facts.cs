using System.Collections.Immutable;

namespace Negotiations.Kernel;

/// <summary>A value a write model or read model holds because of one event, so that a correction can take it back.</summary>
public sealed record Fact<T>(Guid EventId, T Value);

/// <summary>
/// Where a correction's replacement belongs: the place of the development it corrects, before the facts that
/// developments after it told. Later lists their event ids, from every list of the model.
/// </summary>
public sealed record Replacement(Guid CorrectedEventId, IReadOnlyList<Guid> Later);

/// <summary>
/// Models keep what developments told them keyed by the event that told it. A retraction or a
/// correction names an event; taking its facts out is all it takes to honour it, in any projection,
/// without replaying the stream. A correction's replacement (the next event) is put back where the
/// corrected development stood, so that what came after it still comes after it.
/// </summary>
public static class Facts
{
    public static IReadOnlyList<Fact<T>> Start<T>(Guid eventId, T value) => ImmutableList.Create(new Fact<T>(eventId, value));

    /// <summary>
    /// A new fact at the end. Immutable lists share their structure, so a fold of n developments costs n log n,
    /// not n squared as copying the list every time would (a list read back from JSON is converted once).
    /// </summary>
    public static IReadOnlyList<Fact<T>> With<T>(this IReadOnlyList<Fact<T>> facts, Guid eventId, T value) =>
        (facts as ImmutableList<Fact<T>> ?? ImmutableList.CreateRange(facts)).Add(new(eventId, value));

    /// <summary>A new fact at the end, or, for a correction's replacement, where the corrected development stood.</summary>
    public static IReadOnlyList<Fact<T>> With<T>(this IReadOnlyList<Fact<T>> facts, Guid eventId, T value, Replacement? replacing)
    {
        var at = replacing is null ? -1 : facts.ToList().FindIndex(f => replacing.Later.Contains(f.EventId));
        return at < 0 ? facts.With(eventId, value) : [.. facts.Take(at), new(eventId, value), .. facts.Skip(at)];
    }

    public static IReadOnlyList<Fact<T>> Without<T>(this IReadOnlyList<Fact<T>> facts, Guid eventId) =>
        facts.Any(f => f.EventId == eventId) ? facts.Where(f => f.EventId != eventId).ToList() : facts;

    /// <summary>
    /// Remembers where a corrected development stood, from the event ids of the model's lists (taken before its
    /// facts are taken out); null when it told the model nothing.
    /// </summary>
    public static Replacement? Place(Guid correctedEventId, params IEnumerable<Guid>[] lists)
    {
        var later = new List<Guid>();
        var found = false;
        foreach (var ids in lists)
        {
            var list = ids.ToList();
            var at = list.IndexOf(correctedEventId);
            if (at < 0) continue;
            found = true;
            later.AddRange(list.Skip(at + 1).Where(id => id != correctedEventId));
        }
        return found ? new Replacement(correctedEventId, later.Distinct().ToList()) : null;
    }

    public static IEnumerable<Guid> Ids<T>(this IReadOnlyList<Fact<T>> facts) => facts.Select(f => f.EventId);

    /// <summary>The value that stands now: the latest one not taken back.</summary>
    public static T Current<T>(this IReadOnlyList<Fact<T>> facts, T otherwise) => facts.Count == 0 ? otherwise : facts[^1].Value;

    public static IEnumerable<T> Values<T>(this IReadOnlyList<Fact<T>> facts) => facts.Select(f => f.Value);
}
