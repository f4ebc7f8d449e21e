using Negotiations.Kernel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using JasperFx.Events;
using Negotiations.ReadModels.Links;

namespace Negotiations.ReadModels.Timeline;

/// <summary>
/// Builds timeline entries from events. Pure: everything comes from the event and its metadata (never the
/// clock), so a rebuild gives the same entries byte for byte.
/// </summary>
public static class TimelineEntries
{
    public const int MaxSummary = 300;

    private static readonly JsonSerializerOptions Json = JsonDialect.Web;

    /// <summary>Every event the timeline shows: every development, and every retraction or correction of one.</summary>
    public static IEnumerable<Type> EventTypes() =>
        typeof(TimelineEntries).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IDevelopment).IsAssignableFrom(t))
            .Append(typeof(DevelopmentRetracted))
            .Append(typeof(DevelopmentCorrected))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    /// <summary>The concepts an entry can have, as the timeline's concept filter accepts them.</summary>
    public static IReadOnlyList<string> Concepts { get; } =
        EventTypes().Select(Kernel.Concepts.Of).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The entry of a development, not (yet) taken back.</summary>
    public static TimelineEntry ForDevelopment(IEvent e)
    {
        var development = (IDevelopment)e.Data;
        var data = JsonSerializer.SerializeToElement(e.Data, e.EventType, Json);
        return Entry(e, development.Provenance.Occurred, development.Provenance.Sources, data, Mentions(data), takesBack: null);
    }

    /// <summary>
    /// The entry of a retraction or correction. It sits on the occurred axis where the development it names
    /// does (it is about that development); if that one is unknown, on the day the retraction was recorded.
    /// </summary>
    public static TimelineEntry ForTakingBack(IEvent e, IEvent? target)
    {
        var targetId = TargetOf(e.Data) ?? throw new ArgumentException($"{e.EventTypeName} takes nothing back.", nameof(e));
        var occurred = (target?.Data as IDevelopment)?.Provenance.Occurred ?? Occurrence.On(DateOnly.FromDateTime(e.Timestamp.UtcDateTime));
        var data = JsonSerializer.SerializeToElement(e.Data, e.EventType, Json);
        var mentions = target?.Data is IDevelopment
            ? Mentions(data) + "\n" + Mentions(JsonSerializer.SerializeToElement(target.Data, target.EventType, Json))
            : Mentions(data);
        return Entry(e, occurred, [], data, mentions, targetId);
    }

    /// <summary>The development's entry once the retraction or correction <paramref name="by"/> took it back.</summary>
    public static TimelineEntry TakenBackBy(TimelineEntry entry, IEvent by) => entry with
    {
        TakenBack = by.Data switch
        {
            DevelopmentRetracted r => new TakenBack(by.Id, TakenBackKind.Retracted, by.Timestamp, r.Reason),
            DevelopmentCorrected c => new TakenBack(by.Id, TakenBackKind.Corrected, by.Timestamp, c.Reason),
            _ => throw new ArgumentException($"{by.EventTypeName} takes nothing back.", nameof(by))
        }
    };

    /// <summary>The development a retraction or correction names; null for any other event.</summary>
    public static Guid? TargetOf(object data) => data switch
    {
        DevelopmentRetracted r => r.RetractedEventId,
        DevelopmentCorrected c => c.CorrectedEventId,
        _ => null
    };

    private static TimelineEntry Entry(IEvent e, Occurrence occurred, IReadOnlyList<Source> sources, JsonElement data, string mentions, Guid? takesBack) =>
        new(e.Id, e.Sequence, e.StreamId, e.Version, Kernel.Concepts.Of(e.EventType), e.EventTypeName,
            occurred, occurred.From, occurred.Latest, e.Timestamp, e.UserName, sources,
            Summarise(e.EventType, data), data, mentions, TakenBack: null, takesBack);

    /// <summary>
    /// "Round scheduled: Baku; Syria, Israel; United States": the event's kind in words, then its top-level
    /// texts in the order the event declares them (ids, dates and the provenance left out).
    /// </summary>
    public static string Summarise(Type eventType, JsonElement data)
    {
        var texts = new List<string>();
        foreach (var property in data.EnumerateObject())
        {
            if (property.NameEquals("provenance")) continue;
            var value = property.Value.ValueKind switch
            {
                JsonValueKind.String => Text(property.Value),
                JsonValueKind.Array => string.Join(", ", property.Value.EnumerateArray().Select(Text).OfType<string>()),
                _ => null
            };
            if (!string.IsNullOrWhiteSpace(value)) texts.Add(value);
        }

        var summary = texts.Count == 0 ? Words(eventType.Name) : $"{Words(eventType.Name)}: {string.Join("; ", texts)}";
        return summary.Length <= MaxSummary ? summary : summary[..(MaxSummary - 1)] + "…";

        static string? Text(JsonElement value) =>
            value.ValueKind == JsonValueKind.String && value.GetString() is { } s && !Guid.TryParse(s, out _) && !DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? s.Trim() : null;
    }

    /// <summary>RoundScheduled -> "Round scheduled".</summary>
    public static string Words(string typeName)
    {
        var words = new StringBuilder();
        foreach (var c in typeName)
        {
            if (char.IsUpper(c) && words.Length > 0) words.Append(' ').Append(char.ToLowerInvariant(c));
            else words.Append(c);
        }
        return words.ToString();
    }

    /// <summary>Every string value of the event, lowercased, one per line, each once, in document order.</summary>
    public static string Mentions(JsonElement data)
    {
        var seen = new List<string>();
        Collect(data);
        return string.Join("\n", seen);

        void Collect(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject()) Collect(property.Value);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray()) Collect(item);
                    break;
                case JsonValueKind.String:
                    var text = element.GetString()!.Trim().ToLowerInvariant();
                    if (text.Length > 0 && !seen.Contains(text)) seen.Add(text);
                    break;
            }
        }
    }
}
