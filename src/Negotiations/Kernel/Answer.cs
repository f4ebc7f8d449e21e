using JasperFx.Events;
using Wolverine.Marten;

namespace Negotiations.Kernel;

/// <summary>
/// What a command on an existing stream answers: its write model as the decided events leave it, folded
/// here before the commit, with those very events (their ids and versions fixed here) to append. Answered
/// before the commit, Wolverine writes an Idempotency-Key's claim with the answer in the command's own
/// transaction, so a command interrupted before it commits leaves no claim behind (a write model read back
/// after the commit could not be). The inline projection folds the same events with the same Fold, so the
/// stored write model is this one.
/// </summary>
public static class Answer
{
    public static (T State, Events Events) After<T>(T state, IEnumerable<object> decided) where T : class, IWriteModel<T>
    {
        var (next, events) = Folded(state, decided);
        return (next!, events);
    }

    /// <summary>The same for a stream that may not exist yet (state null): the events it starts with, folded.</summary>
    public static (T? State, Events Events) Folded<T>(T? state, IEnumerable<object> decided) where T : class, IWriteModel<T>
    {
        var events = new Events();
        var (next, version) = (state, state?.Version ?? 0);
        foreach (var data in decided)
        {
            var e = EventEnvelope.Of(data);
            e.Id = Guid.CreateVersion7();
            e.Version = ++version;
            next = T.Fold(next, e) ?? next;
            events.Add(e);
        }
        return (next, events);
    }
}
