using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Negotiations.Kernel;
using Negotiations.ReadModels.Timeline;

namespace Negotiations.ReadModels.Timeline;

/// <summary>
/// Keeps a <see cref="WeekTally"/> per ISO week of occurrence from the events the timeline shows: a development
/// in the week of the first day it may have happened; a retraction or correction in the week of the
/// development it names (where its timeline entry sits), which then no longer counts.
/// <para>
/// Asynchronous: inline, every command would update the row of its week in its transaction, and concurrent
/// developments of the same week would contend on it. The daemon writes each week once per batch; the overview
/// says how fresh it is.
/// </para>
/// </summary>
public partial class WeekTallyProjection : MultiStreamProjection<WeekTally, string>
{
    public const string ProjectionName = "WeekTally";

    public WeekTallyProjection()
    {
        Name = ProjectionName;
        foreach (var type in TimelineEntries.EventTypes()) IncludeType(type);
        CustomGrouping(async (session, events, grouping) =>
        {
            var targets = await TargetsAsync(session, events.Where(e => TimelineEntries.TargetOf(e.Data) is not null).ToList());
            foreach (var e in events.Where(e => e.Data is IDevelopment || TimelineEntries.TargetOf(e.Data) is not null))
                grouping.AddEvent(WeekTally.WeekOf(DayOf(e, targets.GetValueOrDefault(e.Id))), e);
        });
    }

    public override async ValueTask<WeekTally?> EvolveAsync(WeekTally? snapshot, string id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        var tally = (snapshot ?? WeekTally.Empty(id)) with { Entries = (snapshot?.Entries ?? 0) + 1 };
        if (e.Data is IDevelopment) return tally with { Developments = tally.Developments + 1 };
        if (TimelineEntries.TargetOf(e.Data) is not { } targetId || tally.TakenBack.Contains(targetId)) return tally;
        var targets = await TargetsAsync(session, [e]);
        return targets.GetValueOrDefault(e.Id)?.Data is IDevelopment
            ? tally with { Developments = tally.Developments - 1, TakenBack = [.. tally.TakenBack, targetId] }
            : tally;
    }

    /// <summary>Where the timeline puts an event: a development on its first possible day, a retraction or correction on that of the development it names.</summary>
    private static DateOnly DayOf(IEvent e, IEvent? target) =>
        ((e.Data as IDevelopment) ?? (target?.Data as IDevelopment))?.Provenance.Occurred.From ?? DateOnly.FromDateTime(e.Timestamp.UtcDateTime);

    /// <summary>
    /// The development each retraction or correction names, by the taking-back event's id. It is in the same stream
    /// (the commands append there), read through the stream index; one that is not is looked up anywhere.
    /// </summary>
    private static async Task<Dictionary<Guid, IEvent>> TargetsAsync(IQuerySession session, IReadOnlyList<IEvent> takingBack)
    {
        var found = new Dictionary<Guid, IEvent>();
        if (takingBack.Count == 0) return found;
        var ids = takingBack.Select(e => TimelineEntries.TargetOf(e.Data)!.Value).Distinct().ToArray();
        var streams = takingBack.Select(e => e.StreamId).Distinct().ToArray();
        var events = (await session.Events.QueryAllRawEvents().Where(x => x.StreamId.IsOneOf(streams) && x.Id.IsOneOf(ids)).ToListAsync())
            .ToDictionary(x => x.Id);
        foreach (var e in takingBack)
        {
            var targetId = TimelineEntries.TargetOf(e.Data)!.Value;
            if ((events.GetValueOrDefault(targetId) ?? await session.Events.LoadAsync(targetId)) is { } target) found[e.Id] = target;
        }
        return found;
    }
}
