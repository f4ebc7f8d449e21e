using JasperFx.Events;

namespace Negotiations.Kernel;

/// <summary>
/// A recorded event as the stream as it stands shows it, with the ids <see cref="AsItStands"/> attaches: what a
/// replacement stands for, what a retraction takes out. Everything else is the recorded event's own. Read-only: the
/// recorded event is not touched (a header set on it would be stored with it, and every other reader would see it).
/// </summary>
internal sealed class EventAsItStands(IEvent recorded, IReadOnlyList<Guid> ids) : IEvent
{
    public IReadOnlyList<Guid> Ids { get; } = ids;

    public Guid Id { get => recorded.Id; set => throw Unchanged(); }
    public long Version { get => recorded.Version; set => throw Unchanged(); }
    public long Sequence { get => recorded.Sequence; set => throw Unchanged(); }
    public object Data => recorded.Data;
    public Guid StreamId { get => recorded.StreamId; set => throw Unchanged(); }
    public string? StreamKey { get => recorded.StreamKey; set => throw Unchanged(); }
    public DateTimeOffset Timestamp { get => recorded.Timestamp; set => throw Unchanged(); }
    public string TenantId { get => recorded.TenantId; set => throw Unchanged(); }
    public Type EventType => recorded.EventType;
    public string EventTypeName { get => recorded.EventTypeName; set => throw Unchanged(); }
    public string DotNetTypeName { get => recorded.DotNetTypeName; set => throw Unchanged(); }
    public string? CausationId { get => recorded.CausationId; set => throw Unchanged(); }
    public string? CorrelationId { get => recorded.CorrelationId; set => throw Unchanged(); }
    public Dictionary<string, object>? Headers { get => recorded.Headers; set => throw Unchanged(); }
    public IReadOnlyList<EventTag>? Tags => recorded.Tags;
    public bool IsArchived { get => recorded.IsArchived; set => throw Unchanged(); }
    public string? AggregateTypeName { get => recorded.AggregateTypeName; set => throw Unchanged(); }
    public string? UserName { get => recorded.UserName; set => throw Unchanged(); }
    public bool IsSkipped { get => recorded.IsSkipped; set => throw Unchanged(); }

    public void SetHeader(string key, object value) => throw Unchanged();
    public object? GetHeader(string key) => recorded.GetHeader(key);
    public void AddTag<TTag>(TTag value) where TTag : notnull => throw Unchanged();
    public void AddTag(EventTag tag) => throw Unchanged();

    private static NotSupportedException Unchanged() => new("An event of a stream as it stands is read, not changed.");
}
