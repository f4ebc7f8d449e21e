using JasperFx.Events;
using Marten;
using Negotiations.Kernel;

namespace Negotiations.Tests.Queries;

/// <summary>
/// The developments per ISO week counted from every event, as the overview once did per request: each event
/// that is a development, in the week of the first day it may have occurred, unless a retraction or correction
/// names it. The weekly tallies the daemon keeps must give the same.
/// </summary>
public static class WeekCountFromEvents
{
    public sealed record Week(string Name, DateOnly Monday, int Developments);

    public static async Task<IReadOnlyList<Week>> CountAsync(IDocumentStore store)
    {
        var naming = store.Options.Events.EventNamingStyle;
        var developments = typeof(IDevelopment).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDevelopment).IsAssignableFrom(t))
            .Select(t => t.GetEventTypeName(naming))
            .ToArray();
        var events = $"{store.Options.Events.DatabaseSchemaName}.mt_events";
        var sql = $"""
            with taken_back as (
                select (data->>'retractedEventId')::uuid as id from {events} where type = ?
                union
                select (data->>'correctedEventId')::uuid from {events} where type = ?)
            select json_build_object('name', to_char(week, 'IYYY-"W"IW'), 'monday', week, 'developments', count(*))
            from (
                select date_trunc('week', (e.data->'provenance'->'occurred'->>'from')::date)::date as week
                from {events} e left join taken_back t on t.id = e.id
                where e.type = any(?) and not e.is_archived and t.id is null) d
            group by week
            order by week
            """;
        await using var session = store.QuerySession();
        return await session.AdvancedSql.QueryAsync<Week>(sql, CancellationToken.None,
            typeof(DevelopmentRetracted).GetEventTypeName(naming), typeof(DevelopmentCorrected).GetEventTypeName(naming), developments);
    }
}
