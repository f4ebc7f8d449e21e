using JasperFx.Events.Daemon;
using Marten;
using Npgsql;

namespace Negotiations.Operations.Audit;

/// <summary>The store's whole configuration for another schema (the application's composition gives it).</summary>
public delegate StoreOptions ScratchStoreOptions(string connectionString, string schema);

/// <summary>
/// A throwaway copy of the event log (whole, or through a sequence) in a schema of its own, with the same store
/// configuration and every projection, inline and asynchronous, rebuilt there by the daemon from the copied events
/// alone (Marten 9's daemon rebuilds inline projections too, by their name). Disposing it drops the schema; the live
/// store is never touched.
/// </summary>
public sealed class ScratchStore : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;

    private ScratchStore(DocumentStore store, NpgsqlConnection connection, string schema, long events, IReadOnlyList<string> projections)
    {
        Store = store;
        this.connection = connection;
        Schema = schema;
        Events = events;
        Projections = projections;
    }

    public DocumentStore Store { get; }
    public string Schema { get; }
    public long Events { get; }
    public IReadOnlyList<string> Projections { get; }

    /// <summary>The projections a rebuild goes through, by name.</summary>
    public static IReadOnlyList<string> ProjectionNames(IDocumentStore store) =>
        ((DocumentStore)store).Options.Projections.All.Select(p => p.Name).Distinct().ToList();

    /// <param name="through">The last sequence copied; null copies the whole log.</param>
    /// <param name="progress">Told of the copy and of each projection's rebuild, in lines that start with <paramref name="command"/>.</param>
    /// <param name="step">Called after the copy and after each projection's rebuild.</param>
    public static async Task<ScratchStore> BuildAsync(IDocumentStore live, string connectionString, ScratchStoreOptions scratchOptions, long? through,
        string command, TextWriter progress, Action? step, CancellationToken cancellation)
    {
        var liveSchema = live.Options.Events.DatabaseSchemaName;
        var schema = $"{liveSchema}_replay_{Guid.NewGuid():N}"[..Math.Min(liveSchema.Length + 16, 63)].ToLowerInvariant();
        var options = scratchOptions(connectionString, schema);
        // Its daemon is built and driven right here: not Disabled, which makes Marten warn on standard output.
        options.Projections.AsyncMode = DaemonMode.ExternallyManaged;
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        DocumentStore? store = null;
        try
        {
            store = new DocumentStore(options);
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

            // The log itself, copied as it is: same ids, sequences, versions and timestamps. Cut at a sequence, a stream
            // holds only its events up to there, and its row the version and time of the last of them.
            var cut = through is { } last ? $" where seq_id <= {last}" : "";
            var streams = through is { } end
                ? $"insert into \"{schema}\".mt_streams select * from \"{liveSchema}\".mt_streams s where exists (select 1 from \"{liveSchema}\".mt_events e where e.stream_id = s.id and e.seq_id <= {end}); "
                : $"insert into \"{schema}\".mt_streams select * from \"{liveSchema}\".mt_streams; ";
            var events = await Execute(connection,
                streams +
                $"insert into \"{schema}\".mt_events select * from \"{liveSchema}\".mt_events{cut}; " +
                (through is null ? "" :
                    $"update \"{schema}\".mt_streams s set version = m.version, timestamp = m.timestamp from " +
                    $"(select stream_id, max(version) as version, max(timestamp) as timestamp from \"{schema}\".mt_events group by stream_id) m " +
                    "where m.stream_id = s.id and s.version <> m.version; ") +
                $"select setval('\"{schema}\".mt_events_sequence', greatest((select max(seq_id) from \"{schema}\".mt_events), 1)); " +
                $"analyze \"{schema}\".mt_events; select count(*) from \"{schema}\".mt_events", cancellation);
            await progress.WriteLineAsync($"{command}: {events} events copied into {schema}");
            step?.Invoke();

            var names = ProjectionNames(store);
            using (var daemon = await store.BuildProjectionDaemonAsync())
                foreach (var name in names)
                {
                    await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(10), cancellation);
                    await progress.WriteLineAsync($"{command}: rebuilt {name}");
                    step?.Invoke();
                }
            return new ScratchStore(store, connection, schema, events, names);
        }
        catch
        {
            store?.Dispose();
            await Drop(connection, schema);
            await connection.DisposeAsync();
            throw;
        }
    }

    public NpgsqlConnection Connection => connection;

    public async ValueTask DisposeAsync()
    {
        Store.Dispose();
        await Drop(connection, Schema);
        await connection.DisposeAsync();
    }

    private static Task<long> Drop(NpgsqlConnection connection, string schema) =>
        Execute(connection, $"drop schema if exists \"{schema}\" cascade; select 0", CancellationToken.None);

    private static async Task<long> Execute(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellation));
    }
}
