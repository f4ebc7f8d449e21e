using JasperFx.Events;
using Negotiations.Kernel;

namespace Negotiations.Corrections;

/// <summary>
/// The write model of every kind of stream, by concept (the namespace of its events, as StreamLink names it): found
/// in the assembly, so a new concept's write model is known without being listed anywhere.
/// </summary>
public static class WriteModels
{
    private static readonly IReadOnlyDictionary<string, IKind> ByConcept = typeof(WriteModels).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IWriteModel<>) && i.GetGenericArguments()[0] == t))
        .Select(t => (IKind)Activator.CreateInstance(typeof(Kind<>).MakeGenericType(t))!)
        .ToDictionary(k => k.Concept);

    public static IReadOnlyDictionary<string, Type> Types => ByConcept.ToDictionary(k => k.Key, k => k.Value.Type);

    /// <summary>
    /// The rule the stream's write model would break once the events are appended after it, or null. Only a rule
    /// the stream keeps now counts: a stream recorded before a rule was kept may be repaired by a correction.
    /// </summary>
    public static string? BrokenBy(IReadOnlyList<IEvent> stream, IEnumerable<object> appended)
    {
        var concept = Concepts.Of(stream[0].EventType);
        if (!ByConcept.TryGetValue(concept, out var kind))
            throw new InvalidOperationException($"No write model is known for streams of {concept}: its folder needs a type implementing IWriteModel.");
        var version = stream[^1].Version;
        var wouldBe = appended.Select(data => Wrap(data, stream[0].StreamId, ++version)).ToList();
        return kind.BrokenBy(stream, wouldBe);
    }

    private static IEvent Wrap(object data, Guid streamId, long version)
    {
        var e = EventEnvelope.Of(data);
        e.Id = Guid.CreateVersion7();
        e.StreamId = streamId;
        e.Version = version;
        return e;
    }

    private interface IKind
    {
        string Concept { get; }
        Type Type { get; }
        string? BrokenBy(IReadOnlyList<IEvent> stream, IReadOnlyList<IEvent> appended);
    }

    private sealed class Kind<T> : IKind where T : class, IWriteModel<T>
    {
        public string Concept => Concepts.Of(typeof(T));
        public Type Type => typeof(T);

        public string? BrokenBy(IReadOnlyList<IEvent> stream, IReadOnlyList<IEvent> appended)
        {
            var now = AsItStands.Fold<T>(stream);
            var after = AsItStands.Fold<T>([.. stream, .. appended]);
            return now?.BrokenRule() is null ? after?.BrokenRule() : null;
        }
    }
}
