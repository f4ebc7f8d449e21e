using System.ComponentModel;
using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Commitments;
using Negotiations.Queries;
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
    IReadOnlyList<OverdueCommitment> OverdueCommitments,
    Freshness Freshness);

public static class GetOverviewEndpoint
{
    /// <summary>
    /// Nothing here reads every event or every document, so the answer costs the same in a store of any size:
    ///
    /// - Understandings by lifecycle status and PA-X stage: every understanding not retracted, each status
    ///   and stage listed (zero included) so dashboards get a stable shape. Counted in the database over the
    ///   columns the inline Understanding documents keep of them (OverviewColumns): always current.
    /// - Developments per ISO week of the day they occurred (Provenance.Occurred.From: a development counts
    ///   from the first day it may have happened), leaving out developments that were retracted or corrected
    ///   (a correction's replacement counts in its own week); weeks without developments are left out. Read
    ///   from the WeekTally documents the daemon keeps (WeekTallyProjection), so this part is as fresh as
    ///   `freshness` says.
    /// - Overdue commitments, judged on asOf (default: today by the server's clock): deadline before that
    ///   day, no assessment at level 3 made on or before it, not reversed on or before it (by the occurred
    ///   dates of the assessments and reversals). The deadline is the one on record now; only commitments
    ///   whose deadline is before the day are read, through the deadline's index. Always current.
    /// </summary>
    [WolverineGet("/api/overview", OperationId = "GetOverview"), Tags("Status")]
    [EndpointSummary("Overview: understandings by status and stage, developments per week, overdue commitments")]
    [EndpointDescription("Understandings (not retracted) counted by lifecycle status and by PA-X stage; developments counted per ISO " +
        "week of the first day they may have occurred, without retracted or corrected ones; and the commitments overdue on asOf " +
        "(default today): deadline before that day, not assessed as fully implemented (level 3) and not reversed on or before it, " +
        "with the days overdue. The counts and the overdue commitments are always current; the developments per week are kept by " +
        "the daemon, as fresh as `freshness` says.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<Results<Ok<Overview>, ProblemHttpResult>> Get(
        IQuerySession session, FreshnessReader freshness, TimeProvider clock, CancellationToken cancellation,
        [FromQuery, Description("The day to judge deadlines on, YYYY-MM-DD (default: today, UTC)")] string? asOf = null)
    {
        DateOnly day;
        if (asOf is null) day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        else if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            return TypedResults.Problem(new Problems().Add("asOf", "A day as YYYY-MM-DD.").Invalid());

        // Read before the tallies, so that they are at least as fresh as the answer says.
        var fresh = await freshness.ReadAsync(session, WeekTallyProjection.ProjectionName, cancellation);
        var counts = await OverviewColumns.CountUnderstandingsAsync(session, cancellation);
        var weeks = await session.Query<WeekTally>().Where(w => w.Developments > 0).OrderBy(w => w.Monday).ToListAsync(cancellation);
        var overdue = await Overdue(session, day, cancellation);

        return TypedResults.Ok(new Overview(
            day,
            counts.Sum(c => c.Count),
            Enum.GetValues<Lifecycle>().Select(s => new StatusCount(s, counts.Where(c => c.Status == s).Sum(c => c.Count))).ToList(),
            Enum.GetValues<PaxStage>().Select(s => new StageCount(s, counts.Where(c => c.Stage == s).Sum(c => c.Count))).ToList(),
            weeks.Select(w => new WeekCount(w.Id, w.Monday, w.Developments)).ToList(),
            overdue,
            fresh));
    }

    private static async Task<IReadOnlyList<OverdueCommitment>> Overdue(IQuerySession session, DateOnly day, CancellationToken cancellation)
    {
        var commitments = await session.Query<Commitment>().Where(c => !c.Retracted && c.Deadline < day).ToListAsync(cancellation);
        var overdue = commitments.Select(c => OverdueCommitments.Judge(c, day)).OfType<OverdueCommitment>().ToList();
        if (overdue.Count == 0) return overdue;
        var ids = overdue.Select(o => o.UnderstandingId).Distinct().ToArray();
        var titles = (await session.Query<Understanding>().Where(u => !u.Retracted && u.Id.IsOneOf(ids))
            .Select(u => new { u.Id, u.Title }).ToListAsync(cancellation)).ToDictionary(u => u.Id, u => u.Title);
        return overdue
            .Select(o => o with { UnderstandingTitle = titles.GetValueOrDefault(o.UnderstandingId) })
            .OrderByDescending(o => o.DaysOverdue).ThenBy(o => o.Text, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.CommitmentId)
            .ToList();
    }
}
