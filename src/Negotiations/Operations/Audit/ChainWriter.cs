using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Negotiations.Operations.Audit;

/// <summary>The chain's head: the last chained event's sequence, how many events are chained, and its link.</summary>
public sealed record ChainHead(long Sequence, long Position, byte[] Link)
{
    public static readonly ChainHead Empty = new(0, 0, ChainHash.Genesis);
}

/// <summary>
/// Appends a link for every event, in global sequence order, as events are appended (in the background,
/// polling), and writes periodic checkpoints.
///
/// It never skips an event. Marten draws sequence numbers before its transaction commits, so a missing
/// sequence is either an event still being committed or a number lost for good (a rolled-back transaction):
/// the writer stops at a missing sequence and passes over it, recording the gap in the next link's
/// previous_seq, only once every transaction that was running when the gap was seen has ended (committed or
/// rolled back, per pg_xact_status) and a grace period has passed (for a transaction that drew its number
/// before PostgreSQL assigned it a transaction id). Marten's own daemon only waits a time-out.
/// A sequence that appears in a gap afterwards is reported by verify as inserted.
///
/// Each event is also a leaf of the RFC 9162 Merkle tree (leaf = SHA-256(0x00 || the link's frame without the
/// previous link)); the subtrees each leaf completes are stored with its link, in the same transaction, and a
/// checkpoint carries the tree's root and, given a signing key, a signed note of it.
///
/// Several application nodes may run it: a transaction-scoped advisory lock lets one write at a time.
/// </summary>
public sealed class ChainWriter(EventLog log, TreeNodes tree, CheckpointSigner signer, IOptions<AuditSettings> settings, TimeProvider clock, ILogger<ChainWriter> logger) : BackgroundService
{
    private const long LockKey = 0x4e45_474f_4155_4454; // "NEGOAUDT"
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<long, (long[] Running, DateTimeOffset Seen)> gaps = new();
    private bool ensured;
    private bool treeInStep; // the tree holds a leaf per link: from then on both grow in the same transactions

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.WriteChain) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The audit chain could not be extended; trying again");
            }
            try { await Task.Delay(TimeSpan.FromMilliseconds(settings.Value.PollMilliseconds), clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Chains every event that can be chained now; returns the head. Stops at a gap that is not yet settled.</summary>
    public async Task<ChainHead> CatchUpAsync(CancellationToken cancellation)
    {
        await gate.WaitAsync(cancellation);
        try
        {
            if (!ensured) { await log.EnsureAsync(cancellation); ensured = true; }
            while (true)
            {
                var (head, full) = await RoundAsync(cancellation);
                if (!full) return head;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Waits until every event appended so far is chained (gaps settle within the grace period).</summary>
    public async Task<ChainHead> CatchUpAllAsync(TimeSpan timeout, CancellationToken cancellation)
    {
        long last;
        await log.EnsureAsync(cancellation);
        await using (var connection = await log.OpenAsync(cancellation))
            last = await Scalar(connection, $"select coalesce(max(seq_id), 0) from {log.Events}", cancellation);
        var until = clock.GetUtcNow() + timeout;
        while (true)
        {
            var head = await CatchUpAsync(cancellation);
            if (head.Sequence >= last) return head;
            if (clock.GetUtcNow() > until) throw new TimeoutException($"The audit chain reached sequence {head.Sequence}, not {last}, within {timeout}.");
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(100, settings.Value.GapGraceMilliseconds + 10)), clock, cancellation);
        }
    }

    /// <summary>Catches up, then records a checkpoint at the head (unless one is there already) and returns it.</summary>
    public async Task<Checkpoint?> CheckpointNowAsync(CancellationToken cancellation)
    {
        var head = await CatchUpAllAsync(TimeSpan.FromMilliseconds(settings.Value.GapGraceMilliseconds * 3 + 5000), cancellation);
        if (head.Position == 0) return null;
        await using var connection = await log.OpenAsync(cancellation);
        var root = await tree.RootAsync(connection, head.Position, cancellation);
        await InsertCheckpointAsync(connection, head, root, " on conflict (position) do nothing", cancellation);
        return await Checkpoints.LatestAsync(log, connection, cancellation);
    }

    private async Task<(ChainHead Head, bool Full)> RoundAsync(CancellationToken cancellation)
    {
        var options = settings.Value;
        await using var connection = await log.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);

        await using (var locking = new NpgsqlCommand($"select pg_try_advisory_xact_lock({LockKey})", connection, transaction))
            if (!(bool)(await locking.ExecuteScalarAsync(cancellation))!) return (await HeadAsync(connection, cancellation), false);

        // Settled before reading the events: a gap seen earlier may be passed when every transaction that was
        // running when it was seen has ended (and the grace period is over); the events read below then include
        // whatever those transactions committed.
        var now = clock.GetUtcNow();
        var settled = new HashSet<long>();
        foreach (var (missing, seen) in gaps)
            if (now - seen.Seen >= TimeSpan.FromMilliseconds(options.GapGraceMilliseconds) && await NoneRunningAsync(connection, seen.Running, cancellation))
                settled.Add(missing);

        var head = await HeadAsync(connection, cancellation);
        foreach (var passed in gaps.Keys.Where(k => k <= head.Sequence).ToList()) gaps.Remove(passed); // filled meanwhile
        if (!treeInStep)
        {
            var treeSize = await tree.SizeAsync(connection, cancellation);
            if (treeSize > head.Position)
                throw new InvalidOperationException($"The Merkle tree holds {treeSize} leaves but the chain only {head.Position}: links were removed from the chain. Verify names what changed.");
            if (treeSize < head.Position)
            {
                await GrowTreeAsync(connection, treeSize, cancellation);
                await transaction.CommitAsync(cancellation);
                return (head, true);
            }
            treeInStep = true;
        }
        var leaves = new List<byte[]>(options.BatchSize);
        var hasher = new ChainHasher();
        var rows = new List<(long Seq, long Position, long Previous, byte[] Link)>(options.BatchSize);
        var previous = head;
        long read = 0, unsettledGap = 0;
        await using (var command = log.ChainedEventsCommand(connection, head.Sequence, options.BatchSize))
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
        {
            var e = new ChainedEventRow();
            while (await reader.ReadAsync(cancellation))
            {
                read++;
                e.Read(reader);
                if (e.Sequence != previous.Sequence + 1)
                {
                    var missing = previous.Sequence + 1;
                    if (!settled.Contains(missing)) { unsettledGap = missing; break; }
                    gaps.Remove(missing);
                    logger.LogInformation("Audit chain: sequences {From}..{To} were never committed; chained over as a gap", missing, e.Sequence - 1);
                }
                var link = new byte[ChainHash.Size];
                var leaf = new byte[MerkleTree.HashSize];
                hasher.Link(previous.Link, e, link, leaf);
                leaves.Add(leaf);
                rows.Add((e.Sequence, previous.Position + 1, previous.Sequence, link));
                previous = new ChainHead(e.Sequence, previous.Position + 1, link);
            }
        }
        // Seen after the read: whoever drew the missing number drew it before the later event did, so it is among
        // the transactions running now (or has ended).
        if (unsettledGap > 0 && !gaps.ContainsKey(unsettledGap)) gaps[unsettledGap] = (await RunningAsync(connection, cancellation), now);

        if (rows.Count > 0)
        {
            await using (var copy = await connection.BeginBinaryImportAsync(
                $"copy {log.Chain} (seq_id, position, previous_seq, link) from stdin (format binary)", cancellation))
            {
                foreach (var row in rows)
                {
                    await copy.StartRowAsync(cancellation);
                    await copy.WriteAsync(row.Seq, NpgsqlDbType.Bigint, cancellation);
                    await copy.WriteAsync(row.Position, NpgsqlDbType.Bigint, cancellation);
                    await copy.WriteAsync(row.Previous, NpgsqlDbType.Bigint, cancellation);
                    await copy.WriteAsync(row.Link, NpgsqlDbType.Bytea, cancellation);
                }
                await copy.CompleteAsync(cancellation);
            }
            var frontier = await tree.FrontierAsync(connection, head.Position, cancellation);
            var subtrees = new List<(int, long, byte[])>(leaves.Count * 2);
            foreach (var leaf in leaves) frontier.Append(leaf, (level, index, hash) => subtrees.Add((level, index, hash)));
            await tree.WriteAsync(connection, subtrees, cancellation);
            await CheckpointIfDueAsync(connection, previous, frontier.Root(), now, cancellation);
        }
        await transaction.CommitAsync(cancellation);
        return (previous, unsettledGap == 0 && read == options.BatchSize);
    }

    /// <summary>
    /// Adds the leaves of events chained before the tree was kept (a store from an earlier version), a batch at a
    /// time, in chain order.
    /// </summary>
    private async Task GrowTreeAsync(NpgsqlConnection connection, long treeSize, CancellationToken cancellation)
    {
        var frontier = await tree.FrontierAsync(connection, treeSize, cancellation);
        var subtrees = new List<(int, long, byte[])>();
        var hasher = new ChainHasher();
        await using (var command = new NpgsqlCommand(
            $"select {ChainedEventRow.ColumnsOf("e")} from {log.Chain} c " +
            $"join {log.Events} e on e.seq_id = c.seq_id where c.position > $1 order by c.position limit $2", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = treeSize });
            command.Parameters.Add(new NpgsqlParameter { Value = settings.Value.BatchSize });
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            var e = new ChainedEventRow();
            while (await reader.ReadAsync(cancellation))
            {
                e.Read(reader);
                frontier.Append(MerkleTree.LeafHash(hasher.Leaf(e)), (level, index, hash) => subtrees.Add((level, index, hash)));
            }
        }
        await tree.WriteAsync(connection, subtrees, cancellation);
        logger.LogInformation("Audit tree: {Count} events chained earlier added as leaves ({Size} now)", frontier.Size - treeSize, frontier.Size);
    }

    private async Task InsertCheckpointAsync(NpgsqlConnection connection, ChainHead head, byte[] root, string onConflict, CancellationToken cancellation)
    {
        await using var insert = new NpgsqlCommand(
            $"insert into {log.Checkpoints} (position, seq_id, head, root, note) values ($1, $2, $3, $4, $5){onConflict}", connection);
        insert.Parameters.Add(new NpgsqlParameter { Value = head.Position });
        insert.Parameters.Add(new NpgsqlParameter { Value = head.Sequence });
        insert.Parameters.Add(new NpgsqlParameter { Value = head.Link });
        insert.Parameters.Add(new NpgsqlParameter { Value = root });
        insert.Parameters.Add(new NpgsqlParameter { Value = (object?)signer.Note(head.Position, root) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await insert.ExecuteNonQueryAsync(cancellation);
    }

    private async Task CheckpointIfDueAsync(NpgsqlConnection connection, ChainHead head, byte[] root, DateTimeOffset now, CancellationToken cancellation)
    {
        var options = settings.Value;
        await using var last = new NpgsqlCommand($"select position, created_at, note is not null from {log.Checkpoints} order by position desc limit 1", connection);
        long lastPosition = 0;
        DateTimeOffset? lastAt = null;
        var lastSigned = false;
        await using (var reader = await last.ExecuteReaderAsync(cancellation))
            if (await reader.ReadAsync(cancellation)) (lastPosition, lastAt, lastSigned) = (reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetBoolean(2));

        // A signing key set on a store whose checkpoints were not signed: the next new events get a signed one at once.
        var due = lastAt is null
            || head.Position - lastPosition >= options.CheckpointEvery
            || (head.Position > lastPosition && now - lastAt >= TimeSpan.FromMinutes(options.CheckpointMinutes))
            || (head.Position > lastPosition && !lastSigned && signer.VerifierKey is not null);
        if (due) await InsertCheckpointAsync(connection, head, root, "", cancellation);
    }

    private async Task<ChainHead> HeadAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand($"select seq_id, position, link from {log.Chain} order by seq_id desc limit 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        return await reader.ReadAsync(cancellation)
            ? new ChainHead(reader.GetInt64(0), reader.GetInt64(1), reader.GetFieldValue<byte[]>(2))
            : ChainHead.Empty;
    }

    private static async Task<long[]> RunningAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand("select array(select x::text::bigint from pg_snapshot_xip(pg_current_snapshot()) x)", connection);
        return (long[])(await command.ExecuteScalarAsync(cancellation))!;
    }

    private static async Task<bool> NoneRunningAsync(NpgsqlConnection connection, long[] transactions, CancellationToken cancellation)
    {
        if (transactions.Length == 0) return true;
        await using var command = new NpgsqlCommand(
            "select not exists (select 1 from unnest($1::bigint[]) x where pg_xact_status(x::text::xid8) = 'in progress')", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = transactions });
        return (bool)(await command.ExecuteScalarAsync(cancellation))!;
    }

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellation));
    }
}
