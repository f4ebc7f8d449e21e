using System.Text.Json;
using Negotiations.Kernel;

namespace Negotiations.ReadModels.Timeline;

/// <summary>
/// One line of the timeline: a development as it was recorded (or a retraction/correction of one), with
/// where it comes from, when it happened and when it was recorded. Its id is the event's id.
/// </summary>
/// <param name="Sequence">The event's global sequence in the store: the order in which things were recorded.</param>
/// <param name="StreamId">The stream the event belongs to (a round, a zone, an understanding...).</param>
/// <param name="Version">The event's version in its stream.</param>
/// <param name="Concept">The kind of stream the event belongs to (Rounds, Zones, ...; Corrections for a retraction or correction).</param>
/// <param name="EventType">The event's stored type name, e.g. round_scheduled.</param>
/// <param name="Occurred">When it happened, as precisely as it is known. For a retraction or correction: that of the development it names.</param>
/// <param name="OccurredFrom">The first day it may have happened: the timeline's order and the "as it stood on" axis.</param>
/// <param name="OccurredUntil">The last day it may have happened: a date range matches when the two overlap.</param>
/// <param name="Recorded">When the store recorded it (the server's clock): the "as we knew it" axis.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="Sources">Who reported it. A retraction or correction has none of its own.</param>
/// <param name="Summary">A short readable line: the kind of development and its main text.</param>
/// <param name="Data">The event as recorded.</param>
/// <param name="Mentions">Every text of the event (and, for a retraction or correction, of the development it names), lowercased, for search.</param>
/// <param name="TakenBack">Set when a later retraction or correction took this development back.</param>
/// <param name="TakesBack">For a retraction or correction: the development it takes back.</param>
public sealed record TimelineEntry(
    Guid Id,
    long Sequence,
    Guid StreamId,
    long Version,
    string Concept,
    string EventType,
    Occurrence Occurred,
    DateOnly OccurredFrom,
    DateOnly OccurredUntil,
    DateTimeOffset Recorded,
    string? RecordedBy,
    IReadOnlyList<Source> Sources,
    string Summary,
    JsonElement Data,
    string Mentions,
    TakenBack? TakenBack,
    Guid? TakesBack);

[Vocabulary("taken-back", "How the record takes a development back: it is never edited or deleted")]
public enum TakenBackKind
{
    [Definition("Withdrawn: the development stays in the history but no longer counts.")]
    Retracted,
    [Definition("Replaced by a corrected development, which counts in its place.")]
    Corrected
}

/// <summary>How a development was taken back: by which event, retracted or corrected, when that was recorded, and why.</summary>
public sealed record TakenBack(Guid By, TakenBackKind Kind, DateTimeOffset RecordedAt, string Reason);
