using Marten;
using Marten.Schema;
using Negotiations.Commitments;
using Negotiations.Understandings;

namespace Negotiations.ReadModels.Status;

/// <summary>
/// Columns the overview reads instead of the documents: an understanding's status and stage (what readers see of it,
/// <see cref="UnderstandingDetails"/>), a commitment's deadline (<see cref="CommitmentDetails"/>), and whether either
/// was retracted. The database counts and filters on them through one index per query, without reading a document it
/// does not answer with; these columns are written with the document, in the command's transaction.
/// </summary>
public static class OverviewColumns
{
    public static void Configure(StoreOptions options) => options.Policies.ForAllDocuments(mapping =>
    {
        // Duplicated without Marten's index per column: an index on each would cost every command its update and serve
        // no query. One index per query instead.
        if (mapping.DocumentType == typeof(UnderstandingDetails))
        {
            Duplicate(mapping, nameof(UnderstandingDetails.Retracted), nameof(UnderstandingDetails.Status), nameof(UnderstandingDetails.Stage));
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

    /// <summary>The commitments not retracted whose deadline is before the day, by deadline and id: read through the index on both.</summary>
    public static IQueryable<CommitmentDetails> PastDeadline(IQuerySession session, DateOnly day) =>
        session.Query<CommitmentDetails>().Where(c => !c.Retracted && c.Deadline < day).OrderBy(c => c.Deadline).ThenBy(c => c.Id);
}
