using JasperFx.Events;

namespace Negotiations.Kernel;

/// <summary>
/// A stream as it stands after its corrections and retractions: every retracted development taken out, every
/// corrected one replaced, in its own place, by its replacement (the event right after the correction), the
/// markers themselves left where they are. The one way corrections are honoured: a model folds the stream as
/// it stands with its ordinary fold, so no model keeps what it was told just in case it is taken back. Pure.
/// </summary>
/// <remarks>
/// A replacement stands for what it replaced: a development that names the corrected one by its event id (an
/// assessment of a declaration) names the replacement. So that a fold can tell, a replacement comes out of
/// <see cref="Events"/> with the ids it stands for (<see cref="Replaced"/>), and a retraction with every id it
/// takes out (<see cref="Retracted"/>: a retracted replacement takes with it what it stood for).
/// </remarks>
public static class AsItStands
{
    /// <summary>Whether the event takes back an earlier one, so that a model folded so far has to be folded again.</summary>
    public static bool TakesBack(IEvent e) => e.Data is DevelopmentRetracted or DevelopmentCorrected;

    /// <summary>
    /// The developments a replacement of the stream as it stands was recorded to correct: the one its correction
    /// named and, when that was a replacement too, what that one replaced (earliest first). What names any of them
    /// names it. Empty for every other event.
    /// </summary>
    public static IReadOnlyList<Guid> Replaced(IEvent e) => e is EventAsItStands { Data: not DevelopmentRetracted } standing ? standing.Ids : [];

    /// <summary>
    /// The developments a retraction takes out of the stream as it stands: the one it names and what that one
    /// replaced; none when the one it names was itself replaced since (its replacement stands). Empty for every
    /// other event.
    /// </summary>
    public static IReadOnlyList<Guid> Retracted(IEvent e) => e switch
    {
        EventAsItStands { Data: DevelopmentRetracted } standing => standing.Ids,
        { Data: DevelopmentRetracted r } => [r.RetractedEventId],
        _ => []
    };

    /// <summary>The events of one stream (in version order) as they stand.</summary>
    public static IReadOnlyList<IEvent> Events(IReadOnlyList<IEvent> stream)
    {
        var retracted = new HashSet<Guid>();
        var replacements = new Dictionary<Guid, IEvent>();
        var isReplacement = new HashSet<Guid>();
        for (var i = 0; i < stream.Count; i++)
        {
            switch (stream[i].Data)
            {
                case DevelopmentRetracted r: retracted.Add(r.RetractedEventId); break;
                case DevelopmentCorrected c when i + 1 < stream.Count:
                    replacements[c.CorrectedEventId] = stream[i + 1];
                    isReplacement.Add(stream[i + 1].Id);
                    break;
            }
        }
        if (replacements.Count == 0 && retracted.Count == 0) return stream;

        // What each standing replacement stands for, and what each retracted one took with it.
        var replaced = new Dictionary<Guid, List<Guid>>();
        var standing = new List<IEvent>(stream.Count);
        foreach (var e in stream)
        {
            if (isReplacement.Contains(e.Id)) continue;
            if (e.Data is DevelopmentRetracted r)
            {
                standing.Add(new EventAsItStands(e, replacements.ContainsKey(r.RetractedEventId) ? [] : [r.RetractedEventId, .. replaced.GetValueOrDefault(r.RetractedEventId) ?? []]));
                continue;
            }
            var current = e;
            var earlier = new List<Guid>();
            // A replacement may itself have been corrected since: its own replacement stands in the same place.
            while (replacements.TryGetValue(current.Id, out var replacement))
            {
                earlier.Add(current.Id);
                current = replacement;
            }
            if (earlier.Count > 0) replaced[current.Id] = earlier;
            // The opening development's retraction stays: the model says the whole stream is retracted.
            if (retracted.Contains(current.Id) && current.Version != 1) continue;
            standing.Add(earlier.Count > 0 ? new EventAsItStands(current, earlier) : current);
        }
        return standing;
    }

    /// <summary>The model folded from the stream as it stands, at the stream's own version.</summary>
    public static T? Fold<T>(IReadOnlyList<IEvent> stream) where T : class, IStreamModel<T>
    {
        if (stream.Count == 0) return null;
        var folded = Events(stream).Aggregate((T?)null, T.Fold);
        return folded?.At(stream[^1].Version);
    }
}
