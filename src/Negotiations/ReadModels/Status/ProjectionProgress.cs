using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;

namespace Negotiations.ReadModels.Status;

/// <summary>
/// Where the asynchronous projections stand, from one read of the daemon's progress: the high-water mark and
/// each projection's position (the slowest of its shards). /health and the lag metric read it; a read's
/// freshness counts a position the same way in the statement that reads the document (FreshnessReader).
/// </summary>
public sealed record ProjectionProgress(long HighWaterMark, IReadOnlyList<ShardState> Shards)
{
    public static async Task<ProjectionProgress> ReadAsync(IDocumentStore store, CancellationToken cancellation)
    {
        var shards = await store.Advanced.AllProjectionProgress(token: cancellation);
        return new ProjectionProgress(shards.FirstOrDefault(s => s.ShardName == ShardState.HighWaterMark)?.Sequence ?? 0, shards);
    }

    public long Position(string projection) =>
        Shards.Where(s => s.ShardName.StartsWith(projection + ":", StringComparison.Ordinal)).Select(s => s.Sequence).DefaultIfEmpty(0).Min();

    public long Lag(string projection) => Math.Max(0, HighWaterMark - Position(projection));

    /// <summary>The names of the projections the daemon runs.</summary>
    public static IReadOnlyList<string> AsyncProjections(IDocumentStore store) =>
        ((StoreOptions)store.Options).Projections.All.Where(p => p.Lifecycle == ProjectionLifecycle.Async).Select(p => p.Name).Distinct().ToList();
}
