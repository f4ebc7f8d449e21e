using System.ComponentModel;
using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Negotiations.Understandings;
using Wolverine.Http;

namespace Negotiations.ReadModels.Status;

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
    bool MoreOverdue,
    Freshness Freshness);

public static class GetOverviewEndpoint
{
    /// <summary>
    /// Nothing here reads every event or every document, so the answer costs the same in a store of any size, and it is
    /// read in one statement (OverviewRead) unless the first page of commitments past their deadline does not settle the
    /// overdue list:
    ///
    /// - Understandings by lifecycle status and PA-X stage: every understanding not retracted, each status
    ///   and stage listed (zero included) so dashboards get a stable shape. Counted in the database over the
    ///   columns the inline UnderstandingDetails documents keep of them (OverviewColumns): always current.
    /// - Developments per ISO week of the day they occurred (Provenance.Occurred.From: a development counts
    ///   from the first day it may have happened), leaving out developments that were retracted or corrected
    ///   (a correction's replacement counts in its own week); weeks without developments are left out. Read
    ///   from the WeekTally documents the daemon keeps (WeekTallyProjection), in the snapshot `freshness` was
    ///   read in, so this part is exactly as fresh as it says.
    /// - Overdue commitments, judged on asOf (default: today by the server's clock): deadline before that
    ///   day, no assessment at level 3 made on or before it, not reversed on or before it (by the occurred
    ///   dates of the assessments and reversals). The deadline is the one on record now. The most overdue
    ///   first, at most overdueLimit of them (moreOverdue says whether others are overdue too): commitments
    ///   are read in order of deadline, through its index, only until the list is full, so a store with tens
    ///   of thousands of overdue commitments answers as fast as one with a hundred. Always current.
    /// </summary>
    [WolverineGet("/api/overview", OperationId = "GetOverview"), Tags("Status")]
    [EndpointSummary("Overview: understandings by status and stage, developments per week, overdue commitments")]
    [EndpointDescription("Understandings (not retracted) counted by lifecycle status and by PA-X stage; developments counted per ISO " +
        "week of the first day they may have occurred, without retracted or corrected ones; and the commitments overdue on asOf " +
        "(default today): deadline before that day, not assessed as fully implemented (level 3) and not reversed on or before it, " +
        "with the days overdue, the most overdue first, at most overdueLimit of them (moreOverdue: others are overdue too). The counts and the overdue commitments are always current; the developments per week are kept by " +
        "the daemon, as fresh as `freshness` says.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<Results<Ok<Overview>, ProblemHttpResult>> Get(
        IQuerySession session, TimeProvider clock, CancellationToken cancellation,
        [FromQuery, Description(TimeAxes.AsOf + ": the day deadlines are judged on (default: today, UTC)")] string? asOf = null,
        [FromQuery, Description($"How many overdue commitments to list, the most overdue first (default 100, at most 1000)")] int? overdueLimit = null)
    {
        DateOnly day = default;
        var problems = new Problems();
        if (asOf is null) day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        else if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            problems.Add("asOf", "A day as YYYY-MM-DD.");
        var limit = overdueLimit ?? DefaultOverdueLimit;
        if (limit is < 1 or > MaxOverdueLimit) problems.Add("overdueLimit", $"Between 1 and {MaxOverdueLimit}.");
        if (problems.Any) return TypedResults.Problem(problems.Invalid());

        // Most commitments past their deadline are overdue: each page asks for one more than the list holds (the next
        // ones, for commitments not overdue any more and for ties with the last one listed, are few).
        var read = await OverviewRead.ReadAsync(session, day, limit + 1, cancellation);
        var (overdue, more) = await Overdue(session, day, limit, read, cancellation);
        var counts = read.Counts;

        return TypedResults.Ok(new Overview(
            day,
            counts.Sum(c => c.Count),
            Enum.GetValues<Lifecycle>().Select(s => new StatusCount(s, counts.Where(c => c.Status == s).Sum(c => c.Count))).ToList(),
            Enum.GetValues<PaxStage>().Select(s => new StageCount(s, counts.Where(c => c.Stage == s).Sum(c => c.Count))).ToList(),
            read.Weeks,
            overdue,
            more,
            read.Freshness));
    }

    public const int DefaultOverdueLimit = 100;
    public const int MaxOverdueLimit = 1000;

    /// <summary>
    /// The most overdue first (the earliest deadline), ties by text and id. Commitments are read in order of
    /// deadline until the list is full, every commitment with the same deadline as the last one listed has been
    /// judged, and one more overdue is found or none is left: the first page comes with the rest of the overview,
    /// further pages (and the titles of their understandings) only when it does not settle the list.
    /// </summary>
    private static async Task<(IReadOnlyList<OverdueCommitment> Overdue, bool More)> Overdue(
        IQuerySession session, DateOnly day, int limit, OverviewRead first, CancellationToken cancellation)
    {
        var found = new List<OverdueCommitment>();
        DateOnly? lastListed = null;
        var take = limit + 1;
        var commitments = first.PastDeadline;
        for (var read = 0; ; )
        {
            foreach (var commitment in commitments)
            {
                if (found.Count > limit && commitment.Deadline > lastListed) return await Titled(session, found, limit, first.Titles, cancellation);
                if (OverdueCommitments.Judge(commitment, day) is not { } overdue) continue;
                found.Add(overdue);
                if (found.Count == limit) lastListed = commitment.Deadline;
                // One more overdue after every tie with the last one listed: settled without looking further.
                if (found.Count > limit && commitment.Deadline > lastListed) return await Titled(session, found, limit, first.Titles, cancellation);
            }
            if (commitments.Count < take) return await Titled(session, found, limit, first.Titles, cancellation);
            read += take;
            commitments = await OverviewColumns.PastDeadline(session, day).Skip(read).Take(take).ToListAsync(cancellation);
        }
    }

    /// <summary>The list in its order, each with its understanding's title: from the first read, or read for those of later pages.</summary>
    private static async Task<(IReadOnlyList<OverdueCommitment>, bool)> Titled(
        IQuerySession session, List<OverdueCommitment> found, int limit, IReadOnlyDictionary<Guid, string?> known, CancellationToken cancellation)
    {
        var listed = found
            .OrderByDescending(o => o.DaysOverdue).ThenBy(o => o.Text, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.CommitmentId)
            .Take(limit)
            .ToList();
        if (listed.Count == 0) return (listed, false);
        var titles = new Dictionary<Guid, string?>(known);
        var missing = listed.Select(o => o.UnderstandingId).Distinct().Where(id => !titles.ContainsKey(id)).ToArray();
        if (missing.Length > 0)
            foreach (var u in await session.Query<UnderstandingDetails>().Where(u => !u.Retracted && u.Id.IsOneOf(missing))
                         .Select(u => new { u.Id, u.Title }).ToListAsync(cancellation))
                titles[u.Id] = u.Title;
        return (listed.Select(o => o with { UnderstandingTitle = titles.GetValueOrDefault(o.UnderstandingId) }).ToList(), found.Count > limit);
    }
}
