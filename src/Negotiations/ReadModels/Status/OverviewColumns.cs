using Marten;
using Marten.Schema;
using Negotiations.Commitments;
using Negotiations.Understandings;

namespace Negotiations.ReadModels.Status;

/// <summary>
/// Columns the overview reads instead of the documents: an understanding's status and stage (its write model), a
/// commitment's deadline (what readers see of it, <see cref="CommitmentDetails"/>), and whether either was retracted.
/// The database counts and filters on them through one index per query, without reading a document it does not
/// answer with; these columns are written with the document, in the command's transaction.
/// </summary>
public static class OverviewColumns
{
    public sealed record UnderstandingCount(Lifecycle Status, PaxStage Stage, int Count);

    public static void Configure(StoreOptions options) => options.Policies.ForAllDocuments(mapping =>
    {
        // Duplicated without Marten's index per column: an index on each would cost every command its update and serve
        // no query. One index per query instead.
        if (mapping.DocumentType == typeof(Understanding))
        {
            Duplicate(mapping, nameof(Understanding.Retracted), nameof(Understanding.Status), nameof(Understanding.Stage));
            // The counts by status and stage: an index-only scan over the understandings not retracted.
            mapping.AddIndex("status", "stage").Predicate = "not retracted";
        }
        if (mapping.DocumentType == typeof(CommitmentDetails))
        {
            Duplicate(mapping, nameof(CommitmentDetails.Retracted), nameof(CommitmentDetails.Deadline));
            // The overdue commitments, most overdue first. Not partial: Marten words !Retracted as "(retracted is null or
            // retracted = false)", which PostgreSQL cannot match with a "not retracted" predicate.
            mapping.AddIndex("deadline", "id");
        }
    });

    private static void Duplicate(DocumentMapping mapping, params string[] members)
    {
        foreach (var member in members) mapping.DuplicateField(member);
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

    /// <summary>The commitments not retracted whose deadline is before the day, by deadline and id: read through the index on both.</summary>
    public static IQueryable<CommitmentDetails> PastDeadline(IQuerySession session, DateOnly day) =>
        session.Query<CommitmentDetails>().Where(c => !c.Retracted && c.Deadline < day).OrderBy(c => c.Deadline).ThenBy(c => c.Id);
}
