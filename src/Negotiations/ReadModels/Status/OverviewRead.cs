using Marten;
using Negotiations.Commitments;
using Negotiations.ReadModels.Timeline;
using Negotiations.Understandings;

namespace Negotiations.ReadModels.Status;

/// <summary>
/// What the overview reads, in one statement (one round trip, one snapshot): how fresh the weekly tallies are, the
/// understandings not retracted counted by status and stage over their columns, the weeks with developments, and the
/// first <c>page</c> commitments past their deadline in the order of <see cref="OverviewColumns.PastDeadline"/> (through
/// the same index), with the title of each understanding they belong to (null when it was retracted).
/// </summary>
public sealed record OverviewRead(
    Freshness Freshness,
    IReadOnlyList<OverviewRead.UnderstandingCount> Counts,
    IReadOnlyList<WeekCount> Weeks,
    IReadOnlyList<CommitmentDetails> PastDeadline,
    IReadOnlyDictionary<Guid, string?> Titles)
{
    public sealed record UnderstandingCount(Lifecycle Status, PaxStage Stage, int Count);

    private static readonly Type[] Documents = [typeof(UnderstandingDetails), typeof(WeekTally), typeof(CommitmentDetails)];

    public static async Task<OverviewRead> ReadAsync(IQuerySession session, DateOnly day, int page, CancellationToken cancellation)
    {
        await FreshnessReader.EnsureEventsAsync(session, cancellation);
        foreach (var type in Documents) await session.Database.EnsureStorageExistsAsync(type, cancellation);
        var (understandings, weeks, commitments) = (Table(session, typeof(UnderstandingDetails)), Table(session, typeof(WeekTally)), Table(session, typeof(CommitmentDetails)));
        // The page's filter is Marten's wording of !Retracted (PastDeadline), so that it reads the same rows in the same order;
        // each title is looked up by id, however many understandings there are.
        var sql = $$"""
            with page as (
                select id, deadline, data from {{commitments}}
                where (retracted is null or retracted = false) and deadline < ?
                order by deadline, id
                limit ?),
            named as (select distinct (data ->> 'understandingId')::uuid as id from page)
            select json_build_object(
                {{FreshnessReader.Fields(session)}},
                'counts', (select coalesce(json_agg(json_build_object('status', status, 'stage', stage, 'count', count)), '[]')
                    from (select status, stage, count(*) as count from {{understandings}} where not retracted group by status, stage) c),
                'weeks', (select coalesce(json_agg(json_build_object('week', id, 'monday', data -> 'monday', 'developments', data -> 'developments')
                        order by data ->> 'monday'), '[]')
                    from {{weeks}} where (data ->> 'developments')::int > 0),
                'pastDeadline', (select coalesce(json_agg(data order by deadline, id), '[]') from page),
                'titles', (select coalesce(json_object_agg(named.id,
                        (select u.data ->> 'title' from {{understandings}} u where u.id = named.id and u.retracted is not true)), '{}')
                    from named))
            """;
        var row = (await session.AdvancedSql.QueryAsync<Row>(sql, cancellation, day, page, FreshnessReader.Names(WeekTallyProjection.ProjectionName))).Single();
        return new OverviewRead(
            FreshnessReader.Of(WeekTallyProjection.ProjectionName, row.Position, row.LastEvent),
            row.Counts.Select(c => new UnderstandingCount(Enum.Parse<Lifecycle>(c.Status), Enum.Parse<PaxStage>(c.Stage), c.Count)).ToList(),
            row.Weeks, row.PastDeadline, row.Titles);
    }

    private static string Table(IQuerySession session, Type document) =>
        session.DocumentStore.Options.FindOrResolveDocumentType(document).TableName.QualifiedName;

    private sealed record GroupCount(string Status, string Stage, int Count);

    private sealed record Row(long Position, long LastEvent, IReadOnlyList<GroupCount> Counts, IReadOnlyList<WeekCount> Weeks,
        IReadOnlyList<CommitmentDetails> PastDeadline, Dictionary<Guid, string?> Titles);
}
