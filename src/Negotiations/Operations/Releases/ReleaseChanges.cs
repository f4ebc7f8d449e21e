using Negotiations.Kernel;
using Negotiations.Operations.Audit;

namespace Negotiations.Operations.Releases;

/// <summary>
/// One development that changed between two releases. <c>added</c>: recorded after the earlier release;
/// <c>corrected</c> and <c>retracted</c>: taken back after it, with <see cref="Corrects"/> naming the development taken
/// back (for a correction, the sequence of its replacement) and <see cref="WasReleased"/> whether the earlier release held it.
/// </summary>
public sealed record ReleaseChange(
    string Change,
    long Sequence,
    Guid EventId,
    Guid StreamId,
    string Concept,
    string Type,
    Occurrence? Occurred,
    DateTimeOffset Recorded,
    string? RecordedBy,
    IReadOnlyList<Source> Sources,
    CorrectionLink? Corrects = null,
    bool? WasReleased = null);

/// <summary>What a release holds that an earlier one did not: the events between their trees, one change each, by sequence.</summary>
public sealed record ReleaseDiff(string Release, string Since, long FromTreeSize, long ToTreeSize, int Added, int Corrected, int Retracted, IReadOnlyList<ReleaseChange> Changes);

public sealed class ReleaseChanges(AuditHistory history)
{
    public const string Added = "added";
    public const string Corrected = "corrected";
    public const string Retracted = "retracted";

    /// <summary>
    /// A correction's replacement is not a change of its own: it is the corrected development, as it now stands
    /// (the correction's entry names its sequence). Both releases are cuts of one log, so the events between them are
    /// the events after the earlier one's sequence through the later one's.
    /// </summary>
    /// <summary>Why the two cannot be diffed in this order, for the caller to word as its own refusal; null when they can.</summary>
    public static string? Refusal(Release since, Release release) => since.TreeSize > release.TreeSize
        ? $"{since.Name} holds {since.TreeSize} events, more than {release.Name} ({release.TreeSize}): since names the earlier release."
        : null;

    public async Task<ReleaseDiff> BetweenAsync(Release since, Release release, CancellationToken cancellation)
    {
        var changes = new List<ReleaseChange>();
        var replacements = new Dictionary<(Guid Stream, long Version), int>();
        long? from = since.Sequence + 1;
        while (from is { } start && start <= release.Sequence)
        {
            var page = await history.PageAsync(new EventFilter(start, release.Sequence), EventFilter.MaxPageSize, cancellation);
            foreach (var e in page.Events)
            {
                if (replacements.Remove((e.StreamId, e.Version), out var correction))
                {
                    changes[correction] = changes[correction] with { Corrects = changes[correction].Corrects! with { ReplacementSequence = e.Sequence } };
                    continue;
                }
                var change = e.Corrects is { } taken
                    ? Change(e, taken.Kind == "retraction" ? Retracted : Corrected) with { Corrects = taken, WasReleased = taken.Sequence <= since.Sequence }
                    : Change(e, Added);
                if (change.Change == Corrected) replacements[(e.StreamId, e.Version + 1)] = changes.Count;
                changes.Add(change);
            }
            from = page.NextFromSequence;
        }
        return new ReleaseDiff(release.Name, since.Name, since.TreeSize, release.TreeSize,
            changes.Count(c => c.Change == Added), changes.Count(c => c.Change == Corrected), changes.Count(c => c.Change == Retracted), changes);
    }

    private static ReleaseChange Change(AuditEvent e, string change) =>
        new(change, e.Sequence, e.EventId, e.StreamId, e.Concept, e.Type, e.Occurred, e.Recorded, e.RecordedBy, e.Sources);
}
