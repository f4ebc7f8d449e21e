using JasperFx.Events;

namespace Negotiations.Corrections;

/// <summary>
/// A stream as it stands after its corrections and retractions: every retracted development taken out, every
/// corrected one replaced, in its own place, by its replacement (the event right after the correction), the
/// markers themselves left where they are. The one way corrections are honoured: a model folds the stream as
/// it stands with its ordinary fold, so no model keeps what it was told just in case it is taken back. Pure.
/// </summary>
public static class AsItStands
{
    /// <summary>Whether the event takes back an earlier one, so that a model folded so far has to be folded again.</summary>
    public static bool TakesBack(IEvent e) => e.Data is DevelopmentRetracted or DevelopmentCorrected;

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

        var standing = new List<IEvent>(stream.Count);
        foreach (var e in stream)
        {
            if (isReplacement.Contains(e.Id)) continue;
            var current = e;
            // A replacement may itself have been corrected since: its own replacement stands in the same place.
            while (replacements.TryGetValue(current.Id, out var replacement)) current = replacement;
            // The opening development's retraction stays: the model says the whole stream is retracted.
            if (retracted.Contains(current.Id) && current.Version != 1) continue;
            standing.Add(current);
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
