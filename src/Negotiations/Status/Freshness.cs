using Marten;

namespace Negotiations.Status;

/// <summary>
/// How fresh an asynchronous read model is: the last event sequence it has applied, the last event
/// in the store, and whether it is behind. Every read of an asynchronous model carries one.
/// </summary>
public sealed record Freshness(string Projection, long Position, long LastEvent, bool Behind);

/// <summary>A read model's answer together with how fresh it is.</summary>
public sealed record Fresh<T>(T Data, Freshness Freshness);

public sealed class FreshnessReader(IDocumentStore store)
{
    public async Task<Freshness> ReadAsync(string projection, CancellationToken cancellation)
    {
        var position = (await ProjectionProgress.ReadAsync(store, cancellation)).Position(projection);
        await using var session = store.QuerySession();
        var last = (await session.QueryAsync<long>($"select coalesce(max(seq_id), 0) from {store.Options.Events.DatabaseSchemaName}.mt_events", cancellation)).Single();
        return new Freshness(projection, position, last, position < last);
    }
}
