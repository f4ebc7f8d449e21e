using Marten;
using Negotiations.Commitments;
using Negotiations.Understandings;

namespace Negotiations.Status;

/// <summary>
/// Columns the overview reads instead of the documents: an understanding's status and stage, a commitment's
/// deadline, and whether either was retracted. The write models keep every fact a correction could take back,
/// so loading them all would cost as much as their history; these columns are written with the document.
/// </summary>
public static class OverviewColumns
{
    public sealed record UnderstandingCount(Lifecycle Status, PaxStage Stage, int Count);

    public static void Configure(StoreOptions options)
    {
        options.Schema.For<Understanding>()
            .Duplicate(u => u.Retracted)
            .Duplicate(u => u.Status)
            .Duplicate(u => u.Stage);
        options.Schema.For<Commitment>()
            .Duplicate(c => c.Retracted)
            .Duplicate(c => c.Deadline);
    }

    /// <summary>The understandings not retracted, by status and stage: one small group per pair, counted in the database.</summary>
    public static async Task<IReadOnlyList<UnderstandingCount>> CountUnderstandingsAsync(IQuerySession session, CancellationToken cancellation)
    {
        await session.Database.EnsureStorageExistsAsync(typeof(Understanding), cancellation);
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(Understanding)).TableName.QualifiedName;
        var rows = await session.AdvancedSql.QueryAsync<Row>(
            $"select json_build_object('status', status, 'stage', stage, 'count', count(*)) from {table} where not retracted group by status, stage",
            cancellation);
        return rows.Select(r => new UnderstandingCount(Enum.Parse<Lifecycle>(r.Status), Enum.Parse<PaxStage>(r.Stage), r.Count)).ToList();
    }

    private sealed record Row(string Status, string Stage, int Count);
}
