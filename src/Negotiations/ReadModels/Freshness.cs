using JasperFx.Events;
using Marten;

namespace Negotiations.ReadModels;

/// <summary>
/// How fresh an asynchronous read model is: the last event sequence it has applied, the last event
/// in the store, and whether it is behind. Every read of an asynchronous model carries one.
/// </summary>
public sealed record Freshness(string Projection, long Position, long LastEvent, bool Behind);

/// <summary>A read model's answer together with how fresh it is.</summary>
public sealed record Fresh<T>(T Data, Freshness Freshness);

/// <summary>
/// Reads a projection's position (the slowest of its shards, as <see cref="ProjectionProgress"/> counts it) and the
/// last event in one statement, optionally with one document of the read model: one round trip, and one snapshot,
/// so the document is exactly as fresh as the answer says.
/// </summary>
public sealed class FreshnessReader
{
    public async Task<Freshness> ReadAsync(IQuerySession session, string projection, CancellationToken cancellation) =>
        (await QueryAsync<object>(session, projection, null, cancellation)).Freshness;

    /// <summary>The document of the read model with this id (null when there is none yet), and how fresh it is.</summary>
    public Task<(T? Document, Freshness Freshness)> LoadAsync<T>(IQuerySession session, string projection, Guid id, CancellationToken cancellation)
        where T : class => QueryAsync<T>(session, projection, id, cancellation);

    private static async Task<(T? Document, Freshness Freshness)> QueryAsync<T>(IQuerySession session, string projection, Guid? id, CancellationToken cancellation)
        where T : class
    {
        await EnsureEventsAsync(session, cancellation);
        if (id is not null) await session.Database.EnsureStorageExistsAsync(typeof(T), cancellation);
        var document = id is null ? "null" : $"(select data from {Table<T>(session)} where id = ?)";
        var sql = $"select json_build_object({Fields(session)}, 'document', {document})";
        object[] parameters = id is { } key ? [Names(projection), key] : [Names(projection)];
        var row = (await session.AdvancedSql.QueryAsync<Row<T>>(sql, cancellation, parameters)).Single();
        return (row.Document, Of(projection, row.Position, row.LastEvent));
    }

    /// <summary>
    /// How fresh the projection is, read as one statement of a batch (call <see cref="EnsureEventsAsync"/> first): a batch's
    /// statements run in order, so whatever the batch reads after it is at least as fresh as it says.
    /// </summary>
    public static async Task<Freshness> ReadAsync(Marten.Services.BatchQuerying.IBatchedQuery batch, IQuerySession session, string projection)
    {
        var row = await batch.Query<Row<object>>($"select json_build_object({Fields(session)}, 'document', null)", Names(projection));
        return Of(projection, row.Single().Position, row.Single().LastEvent);
    }

    /// <summary>The events table exists once anything was appended; a new, empty store has none yet.</summary>
    public static ValueTask EnsureEventsAsync(IQuerySession session, CancellationToken cancellation) =>
        session.Database.EnsureStorageExistsAsync(typeof(IEvent), cancellation);

    /// <summary>
    /// The fields of a json_build_object that say how fresh a projection is ('position' and 'lastEvent'), for a statement
    /// that reads more with them in the same snapshot; their one parameter, first, is <see cref="Names"/>.
    /// </summary>
    public static string Fields(IQuerySession session)
    {
        var events = session.DocumentStore.Options.Events.DatabaseSchemaName;
        return $"""
            'position', (select coalesce(min(last_seq_id), 0) from {events}.mt_event_progression where name like ?),
            'lastEvent', (select coalesce(max(seq_id), 0) from {events}.mt_events)
            """;
    }

    /// <summary>The projection's shards, as <see cref="Fields"/> matches them.</summary>
    public static string Names(string projection) => projection + ":%";

    public static Freshness Of(string projection, long position, long lastEvent) => new(projection, position, lastEvent, position < lastEvent);

    private static string Table<T>(IQuerySession session)
    {
        if (typeof(T) == typeof(object)) return "";
        return session.DocumentStore.Options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;
    }

    private sealed record Row<T>(long Position, long LastEvent, T? Document);
}
