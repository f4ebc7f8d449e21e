using JasperFx.Events;
using Negotiations.ReadModels;
using Negotiations.Kernel;
using Marten;
using Negotiations.Casualties;
using Negotiations.ReadModels.Links;
using Negotiations.ReadModels.Status;
using Negotiations.ReadModels.Timeline;
using Negotiations.Understandings;

namespace Negotiations.Dashboard;

/// <summary>The overall implementation of a roadmap's commitments on one day (null: no commitment yet).</summary>
public sealed record ImplementationPoint(DateOnly Day, decimal? Percent);

public sealed record OverviewData(
    TimeChoice Time,
    DateOnly Reference,
    IReadOnlyList<StatusView> Understandings,
    IReadOnlyList<StatusCount> ByStatus,
    Freshness Freshness,
    IReadOnlyList<DateOnly> Dates);

/// <summary>
/// An understanding's page on the chosen time axes. <see cref="View"/> is null when nothing of it had
/// occurred (or been recorded) by then; <see cref="Title"/> is then its title as it stands now.
/// </summary>
public sealed record UnderstandingData(
    TimeChoice Time,
    DateOnly Reference,
    Guid Id,
    string Title,
    StatusView? View,
    UnderstandingStatus Status,
    IReadOnlyList<ImplementationPoint> Implementation,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<IncidentClaims> Casualties,
    IReadOnlyList<DateOnly> Dates,
    Freshness Freshness);

/// <summary>
/// What the dashboard's pages show, read with the product's own query code: the status projection for the
/// overview now, and <see cref="StatusHistory"/> (the same fold as the projection) on either time axis.
/// An understanding's page reads the events of the streams that concern it once and derives everything
/// from them with the pure functions the read models use (status fold, timeline entries, claims side by
/// side), so every part of the page is on the same time axes and never behind the events.
/// </summary>
public sealed class DashboardReader(IQuerySession session, FreshnessReader freshness, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<OverviewData> OverviewAsync(TimeChoice time, CancellationToken cancellation)
    {
        var reference = time.ReferenceDay(Today);
        Freshness fresh;
        List<StatusView> views;
        if (time.IsNow)
        {
            var list = (await ListStatusesEndpoint.Get(session, freshness, clock, cancellation)).Value!;
            fresh = list.Freshness;
            views = list.Data.Understandings.ToList();
        }
        else
        {
            fresh = await freshness.ReadAsync(session, UnderstandingStatusProjection.ProjectionName, cancellation);
            fresh = fresh with { Projection = "events", Position = fresh.LastEvent, Behind = false };
            var ids = await session.Query<StreamLink>().Where(l => l.Concept == "Understandings").Select(l => l.Id).ToListAsync(cancellation);
            views = [];
            foreach (var id in ids)
                if (await StatusHistory.FoldAsync(session, id, time.AsOf, time.KnownAt, time.Through, cancellation) is { } status
                    && StatusView.From(status, reference) is { Retracted: false } view)
                    views.Add(view);
            views = views.OrderBy(v => v.Title).ThenBy(v => v.Id).ToList();
        }

        var byStatus = Enum.GetValues<Lifecycle>().Select(s => new StatusCount(s, views.Count(v => v.Status == s))).Where(c => c.Count > 0).ToList();
        return new OverviewData(time, reference, views, byStatus, fresh, await DatesAsync(time.KnownAt, time.Through, cancellation));
    }

    /// <summary>Null when no understanding has that id.</summary>
    public async Task<UnderstandingData?> UnderstandingAsync(Guid id, TimeChoice time, CancellationToken cancellation)
    {
        var fresh = await freshness.ReadAsync(session, UnderstandingStatusProjection.ProjectionName, cancellation);
        var all = await StatusHistory.EventsAsync(session, id, null, cancellation);
        if (all is null || StatusHistory.Fold(id, all, null).Understanding is not { } current) return null;

        var known = all.Where(StatusHistory.Counts(null, time.KnownAt, time.Through)).ToList();
        var reference = time.ReferenceDay(Today);
        var status = StatusHistory.Fold(id, known, time.AsOf);
        var view = StatusView.From(status, reference);

        var dates = DevelopmentDays(known);
        var implementation = dates.Where(d => time.AsOf is null || d <= time.AsOf)
            .Select(d => new ImplementationPoint(d, StatusView.From(StatusHistory.Fold(id, known, d), d)?.Roadmap.ImplementationPercent))
            .ToList();
        if (time.AsOf is { } asOf && (implementation.Count == 0 || implementation[^1].Day < asOf))
            implementation.Add(new ImplementationPoint(asOf, view?.Roadmap.ImplementationPercent));

        var claims = CompareCasualtyClaimsEndpoint.SideBySide(status.CasualtyClaims.Values.Where(c => !c.Retracted));
        return new UnderstandingData(time, reference, id, view?.Title ?? current.Title, view, status, implementation,
            TimelineOf(known, time.AsOf), claims, dates,
            fresh with { Projection = "events", Position = fresh.LastEvent, Behind = false });
    }

    /// <summary>
    /// Pure: the timeline entries of the events, newest first, built by the functions the timeline projection
    /// uses. A development taken back by a retraction or correction among the events is flagged; asOf keeps
    /// the entries that occurred by then.
    /// </summary>
    public static IReadOnlyList<TimelineEntry> TimelineOf(IReadOnlyList<IEvent> events, DateOnly? asOf)
    {
        var byId = events.ToDictionary(e => e.Id);
        var entries = new Dictionary<Guid, TimelineEntry>();
        foreach (var e in events)
        {
            if (TimelineEntries.TargetOf(e.Data) is { } target)
            {
                var development = byId.GetValueOrDefault(target);
                entries[e.Id] = TimelineEntries.ForTakingBack(e, development);
                if (entries.TryGetValue(target, out var taken)) entries[target] = TimelineEntries.TakenBackBy(taken, e);
            }
            else if (e.Data is IDevelopment)
                entries[e.Id] = TimelineEntries.ForDevelopment(e);
        }
        return entries.Values
            .Where(x => asOf is null || x.OccurredFrom <= asOf)
            .OrderByDescending(x => x.OccurredFrom).ThenByDescending(x => x.Sequence)
            .ToList();
    }

    /// <summary>Pure: the first days developments may have happened on, in order: the stops of the time slider and of the chart.</summary>
    public static IReadOnlyList<DateOnly> DevelopmentDays(IEnumerable<IEvent> events) =>
        events.Select(e => (e.Data as IDevelopment)?.Provenance.Occurred.From).OfType<DateOnly>().Distinct().Order().ToList();

    /// <summary>The sequence of the last event in the store: a page read after it refreshes only for newer live events.</summary>
    public async Task<long> LastEventAsync(CancellationToken cancellation) =>
        (await freshness.ReadAsync(session, UnderstandingStatusProjection.ProjectionName, cancellation)).LastEvent;

    /// <summary>The days of the time slider on the chosen axes: every first day a development may have happened on.</summary>
    public Task<IReadOnlyList<DateOnly>> DaysAsync(TimeChoice time, CancellationToken cancellation) => DatesAsync(time.KnownAt, time.Through, cancellation);

    /// <summary>Every first day a development recorded by knownAt (and through a sequence) may have happened on, across the store.</summary>
    private async Task<IReadOnlyList<DateOnly>> DatesAsync(DateTimeOffset? knownAt, long? through, CancellationToken cancellation)
    {
        await session.Database.EnsureStorageExistsAsync(typeof(IEvent), cancellation);
        var events = $"{session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_events";
        var day = "(data->'provenance'->'occurred'->>'from')";
        var sql = $"select distinct {day} from {events} where not is_archived and {day} is not null";
        if (through is { } last) sql += $" and seq_id <= {last}";
        var days = knownAt is { } k
            ? await session.QueryAsync<string>(sql + " and timestamp <= ? order by 1", cancellation, k.ToUniversalTime())
            : await session.QueryAsync<string>(sql + " order by 1", cancellation);
        return days.Select(d => DateOnly.TryParse(d, out var parsed) ? parsed : (DateOnly?)null).OfType<DateOnly>().ToList();
    }
}
