using System.ComponentModel;
using System.Globalization;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Commitments;
using Negotiations.Corrections;
using Negotiations.Queries;
using Negotiations.Sources;
using Negotiations.Understandings;
using Negotiations.Validation;
using Wolverine.Http;

namespace Negotiations.Status;

public sealed record StatusCount(Lifecycle Status, int Count);

public sealed record StageCount(PaxStage Stage, int Count);

/// <summary>How many developments occurred in one ISO week (Week "2025-W38", starting on Monday).</summary>
public sealed record WeekCount(string Week, DateOnly Monday, int Developments);

public sealed record Overview(
    DateOnly AsOf,
    int Understandings,
    IReadOnlyList<StatusCount> ByStatus,
    IReadOnlyList<StageCount> ByStage,
    IReadOnlyList<WeekCount> DevelopmentsPerWeek,
    IReadOnlyList<OverdueCommitment> OverdueCommitments);

public static class GetOverviewEndpoint
{
    /// <summary>
    /// Every part is a query over what the store keeps in the same transaction as the events (the inline
    /// Understanding and Commitment documents, and the events themselves), so the answer is never behind:
    /// no read model of its own, no freshness to report.
    ///
    /// - Understandings by lifecycle status and PA-X stage: every understanding not retracted, each status
    ///   and stage listed (zero included) so dashboards get a stable shape.
    /// - Developments per ISO week of the day they occurred (Provenance.Occurred.From: a development counts
    ///   from the first day it may have happened): one aggregate SQL query over mt_events, counting every
    ///   event type that is an IDevelopment, leaving out developments that were retracted or corrected (a
    ///   correction's replacement counts in its own week). Weeks without developments are left out. A
    ///   counting document would have to learn the week of the event a retraction names, i.e. read the
    ///   events anyway; the query reads them once, in the database, and is exact.
    /// - Overdue commitments, judged on asOf (default: today by the server's clock): deadline before that
    ///   day, no assessment at level 3 made on or before it, not reversed on or before it (by the occurred
    ///   dates of the assessments and reversals). The deadline is the one on record now.
    /// </summary>
    [WolverineGet("/api/overview", OperationId = "GetOverview"), Tags("Status")]
    [EndpointSummary("Overview: understandings by status and stage, developments per week, overdue commitments")]
    [EndpointDescription("Understandings (not retracted) counted by lifecycle status and by PA-X stage; developments counted per ISO " +
        "week of the first day they may have occurred, without retracted or corrected ones; and the commitments overdue on asOf " +
        "(default today): deadline before that day, not assessed as fully implemented (level 3) and not reversed on or before it, " +
        "with the days overdue. Always current: read from documents and events kept in the same transaction.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<Results<Ok<Overview>, ProblemHttpResult>> Get(
        IQuerySession session, TimeProvider clock, CancellationToken cancellation, [FromQuery, Description("The day to judge deadlines on, YYYY-MM-DD (default: today, UTC)")] string? asOf = null)
    {
        DateOnly day;
        if (asOf is null) day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        else if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            return TypedResults.Problem(new Problems().Add("asOf", "A day as YYYY-MM-DD.").Invalid());

        var understandings = await session.Query<Understanding>().Where(u => !u.Retracted).ToListAsync(cancellation);
        var weeks = await DevelopmentsPerWeek(session, cancellation);
        var overdue = await Overdue(session, day, understandings, cancellation);

        return TypedResults.Ok(new Overview(
            day,
            understandings.Count,
            Enum.GetValues<Lifecycle>().Select(s => new StatusCount(s, understandings.Count(u => u.Status == s))).ToList(),
            Enum.GetValues<PaxStage>().Select(s => new StageCount(s, understandings.Count(u => u.Stage == s))).ToList(),
            weeks,
            overdue));
    }

    /// <summary>The event type names of every development, and of the events that take one back.</summary>
    private static (string[] Developments, string Retracted, string Corrected) TypeNames(IDocumentStore store)
    {
        var naming = store.Options.Events.EventNamingStyle;
        var developments = typeof(IDevelopment).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDevelopment).IsAssignableFrom(t))
            .Select(t => t.GetEventTypeName(naming))
            .ToArray();
        return (developments, typeof(DevelopmentRetracted).GetEventTypeName(naming), typeof(DevelopmentCorrected).GetEventTypeName(naming));
    }

    public static async Task<IReadOnlyList<WeekCount>> DevelopmentsPerWeek(IQuerySession session, CancellationToken cancellation)
    {
        var (developments, retracted, corrected) = TypeNames(session.DocumentStore);
        var events = $"{session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_events";
        var sql = $"""
            with taken_back as (
                select (data->>'retractedEventId')::uuid as id from {events} where type = ?
                union
                select (data->>'correctedEventId')::uuid from {events} where type = ?)
            select json_build_object('week', to_char(week, 'IYYY-"W"IW'), 'monday', week, 'developments', count(*))
            from (
                select date_trunc('week', (e.data->'provenance'->'occurred'->>'from')::date)::date as week
                from {events} e left join taken_back t on t.id = e.id
                where e.type = any(?) and not e.is_archived and t.id is null) d
            group by week
            order by week
            """;
        // The events table exists once anything was appended; a new, empty store has none yet.
        await session.Database.EnsureStorageExistsAsync(typeof(IEvent), cancellation);
        return await session.AdvancedSql.QueryAsync<WeekCount>(sql, cancellation, retracted, corrected, developments);
    }

    private static async Task<IReadOnlyList<OverdueCommitment>> Overdue(
        IQuerySession session, DateOnly day, IReadOnlyList<Understanding> understandings, CancellationToken cancellation)
    {
        var commitments = await session.Query<Commitment>().Where(c => !c.Retracted).ToListAsync(cancellation);
        var titles = understandings.ToDictionary(u => u.Id, u => u.Title);
        return commitments
            .Select(c => OverdueCommitments.Judge(c, day) is { } overdue ? overdue with { UnderstandingTitle = titles.GetValueOrDefault(c.UnderstandingId) } : null)
            .OfType<OverdueCommitment>()
            .OrderByDescending(o => o.DaysOverdue).ThenBy(o => o.Text, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.CommitmentId)
            .ToList();
    }
}
