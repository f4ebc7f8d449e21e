using Marten;
using Marten.Services.BatchQuerying;

namespace Negotiations.ReadModels.Links;

/// <summary>The ids of every stream that concerns an understanding (its own included), through the stream links' index.</summary>
public static class LinkedStreams
{
    public static async Task<IReadOnlyCollection<Guid>> OfAsync(IQuerySession session, Guid understandingId, CancellationToken cancellation) =>
        (await session.Query<StreamLink>().Where(l => l.UnderstandingIds.Contains(understandingId)).Select(l => l.Id).ToListAsync(cancellation)).ToHashSet();

    /// <summary>The same, as one query of a batch.</summary>
    public static async Task<IReadOnlyCollection<Guid>> Of(IBatchedQuery batch, Guid understandingId) =>
        (await batch.Query<StreamLink>().Where(l => l.UnderstandingIds.Contains(understandingId)).Select(l => l.Id).ToList()).ToHashSet();
}
