using System.Data;
using System.Diagnostics;
using Npgsql;

namespace Negotiations.Operations.Audit;

/// <summary>What verify found wrong at one sequence.</summary>
/// <param name="Kind">altered (an event no longer matches its link), inserted (an event the chain never covered,
/// below its head), deleted (a chained event is gone), checkpoint-mismatch (the log up to a checkpoint is not the
/// one it was: its chain head or its Merkle root differs), truncated (the log ends before a checkpoint), fork (two
/// signed checkpoints that no single log can have: one size with two roots, or a later tree that does not extend an
/// earlier one).</param>
public sealed record ChainFinding(long Sequence, string Kind, string Detail);

/// <summary>The result of recomputing the chain. Clean only when nothing at all was found.</summary>
public sealed record VerifyReport(
    string Status,
    long? FirstBadSequence,
    IReadOnlyList<ChainFinding> Findings,
    int FindingCount,
    long EventsChecked,
    long LastSequence,
    long ChainedThrough,
    long Unchained,
    long GapCount,
    long MissingSequences,
    int StoredCheckpointsChecked,
    int ExternalCheckpointsChecked,
    int SignedCheckpointsChecked,
    Checkpoint? Head,
    double Seconds,
    double EventsPerSecond)
{
    public bool Clean => Status == "clean";
}

/// <summary>
/// Recomputes the hash chain from mt_events in one pass, in sequence order, merged with the stored links, and
/// checks it against every stored checkpoint and the external ones given. Each stored link is checked against
/// the link before it (so an edited event names its own sequence, not every later one); the chain recomputed
/// from the events alone is compared with the checkpoints (so a rewritten chain table is caught by any
/// checkpoint kept outside). Memory stays flat: two data readers and the checkpoints.
/// </summary>
public sealed class ChainVerifier(EventLog log, TreeNodes tree)
{
    public const int FindingsKept = 100;

    /// <summary>How many events a verification will read: the total of its progress.</summary>
    public async Task<long> CountAsync(CancellationToken cancellation)
    {
        await log.EnsureAsync(cancellation);
        await using var connection = await log.OpenAsync(cancellation);
        await using var count = new NpgsqlCommand($"select count(*) from {log.Events}", connection);
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellation));
    }

    /// <param name="signed">Signed checkpoints kept outside (their signatures already checked), each named for the report.</param>
    public async Task<VerifyReport> VerifyAsync(IReadOnlyList<Checkpoint> external, CancellationToken cancellation, Action<long>? progress = null,
        IReadOnlyList<(string Name, CheckpointBody Body)>? signed = null)
    {
        signed ??= [];
        long read = 0;
        var watch = Stopwatch.StartNew();
        await log.EnsureAsync(cancellation);
        await using var eventsConnection = await log.OpenAsync(cancellation);
        await using var chainConnection = await log.OpenAsync(cancellation);

        // One consistent view of both tables, so that events appended meanwhile do not look like tampering.
        await using var snapshot = await eventsConnection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellation);
        string exported;
        await using (var export = new NpgsqlCommand("select pg_export_snapshot()", eventsConnection))
            exported = (string)(await export.ExecuteScalarAsync(cancellation))!;
        await using var chainSnapshot = await chainConnection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellation);
        await using (var use = new NpgsqlCommand($"set transaction snapshot '{exported}'", chainConnection))
            await use.ExecuteNonQueryAsync(cancellation);

        var stored = await Checkpoints.AllAsync(log, chainConnection, cancellation);
        var checks = stored.Select(c => (Checkpoint: c, External: false))
            .Concat(external.Select(c => (Checkpoint: c, External: true)))
            .OrderBy(c => c.Checkpoint.Sequence).ToList();
        var nextCheck = 0;

        long chainHead;
        await using (var head = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {log.Chain}", chainConnection))
            chainHead = Convert.ToInt64(await head.ExecuteScalarAsync(cancellation));

        var findings = new List<ChainFinding>();
        var findingCount = 0;
        void Found(long sequence, string kind, string detail)
        {
            findingCount++;
            if (findings.Count < FindingsKept) findings.Add(new ChainFinding(sequence, kind, detail));
        }

        await using var linksCommand = new NpgsqlCommand($"select seq_id, previous_seq, link from {log.Chain} order by seq_id", chainConnection);
        await using var links = await linksCommand.ExecuteReaderAsync(cancellation);
        var link = new StoredLink();
        var hasLink = await link.NextAsync(links, cancellation);

        var hasher = new ChainHasher();
        var frontier = new TreeFrontier();             // the Merkle tree recomputed from the events alone
        var notes = signed.OrderBy(n => n.Body.TreeSize).ToList();
        var nextNote = 0;
        var noteSequences = new Dictionary<long, long>(); // the sequence of the last event in each signed tree
        var full = new byte[ChainHash.Size];           // the chain recomputed from the events alone
        var recomputed = new byte[ChainHash.Size];
        var local = new byte[ChainHash.Size];
        var storedPrevious = new byte[ChainHash.Size]; // the stored link before the current one
        long count = 0, eventsChecked = 0, unchained = 0, gapCount = 0, missing = 0, lastSequence = 0;

        void CheckpointsUpTo(long sequence, bool reached)
        {
            while (nextCheck < checks.Count && checks[nextCheck].Checkpoint.Sequence <= sequence)
            {
                var (checkpoint, isExternal) = checks[nextCheck++];
                var which = isExternal ? "external" : "stored";
                if (checkpoint.Sequence < sequence || !reached)
                    Found(checkpoint.Sequence, "checkpoint-mismatch", $"The {which} checkpoint names sequence {checkpoint.Sequence}, which is no longer in the log.");
                else if (!string.Equals(checkpoint.HeadHash, ChainHash.Hex(full), StringComparison.OrdinalIgnoreCase) || checkpoint.Count != count
                         || (checkpoint.RootHash is { } root && root != Convert.ToBase64String(frontier.Root())))
                    Found(checkpoint.Sequence, "checkpoint-mismatch",
                        $"The log up to sequence {checkpoint.Sequence} is not the one the {which} checkpoint saw " +
                        $"(count {count} vs {checkpoint.Count}, head {ChainHash.Hex(full)} vs {checkpoint.HeadHash}" +
                        (checkpoint.RootHash is null ? "" : $", root {Convert.ToBase64String(frontier.Root())} vs {checkpoint.RootHash}") +
                        "): an event at or before it was changed, removed or added.");
            }
        }

        await using var eventsCommand = log.ChainedEventsCommand(eventsConnection, 0, null);
        await using var events = await eventsCommand.ExecuteReaderAsync(cancellation);
        var e = new ChainedEventRow();
        while (await events.ReadAsync(cancellation))
        {
            e.Read(events);
            if (progress is not null && ++read % 1000 == 0) progress(read);
            // Links whose events are gone.
            while (hasLink && link.Sequence < e.Sequence)
            {
                Found(link.Sequence, "deleted", $"The chained event at sequence {link.Sequence} is no longer in the log.");
                CheckpointsUpTo(link.Sequence, reached: false);
                link.Link.CopyTo(storedPrevious);
                hasLink = await link.NextAsync(links, cancellation);
            }
            CheckpointsUpTo(e.Sequence - 1, reached: false);

            eventsChecked++;
            lastSequence = e.Sequence;
            var leaf = new byte[MerkleTree.HashSize];
            hasher.Link(full, e, recomputed, leaf);
            frontier.Append(leaf);
            if (hasLink && link.Sequence == e.Sequence)
            {
                if (!storedPrevious.AsSpan().SequenceEqual(full)) hasher.Link(storedPrevious, e, local);
                else recomputed.CopyTo(local);
                if (!link.Matches(local))
                    Found(e.Sequence, "altered", $"The event at sequence {e.Sequence} (stream {e.StreamIdText} version {e.Version}, {e.TypeText}) does not match its link: its data, type, stream, version, timestamp or place was changed.");
                if (link.Previous != e.Sequence - 1)
                {
                    gapCount++;
                    missing += e.Sequence - link.Previous - 1;
                }
                link.Link.CopyTo(storedPrevious);
                hasLink = await link.NextAsync(links, cancellation);
            }
            else if (e.Sequence <= chainHead)
                Found(e.Sequence, "inserted", $"The event at sequence {e.Sequence} (stream {e.StreamIdText}, {e.TypeText}) was never chained although later events were: it was added afterwards.");
            else
                unchained++;

            (full, recomputed) = (recomputed, full);
            count++;
            CheckpointsUpTo(e.Sequence, reached: true);
            for (; nextNote < notes.Count && notes[nextNote].Body.TreeSize == count; nextNote++)
            {
                noteSequences[count] = e.Sequence;
                if (!notes[nextNote].Body.RootHash.AsSpan().SequenceEqual(frontier.Root()))
                    Found(e.Sequence, "checkpoint-mismatch",
                        $"The log's first {count} events (up to sequence {e.Sequence}) are not the tree the signed checkpoint {notes[nextNote].Name} signed " +
                        $"(root {Convert.ToBase64String(frontier.Root())} vs {Convert.ToBase64String(notes[nextNote].Body.RootHash)}): an event at or before it was changed, removed or added.");
            }
        }
        for (; nextNote < notes.Count; nextNote++)
            Found(lastSequence + 1, "truncated",
                $"The log ends at sequence {lastSequence} ({count} events) but the signed checkpoint {notes[nextNote].Name} signed a tree of {notes[nextNote].Body.TreeSize}: its tail was removed.");
        while (hasLink)
        {
            Found(link.Sequence, "deleted", $"The chained event at sequence {link.Sequence} is no longer in the log.");
            hasLink = await link.NextAsync(links, cancellation);
        }
        for (; nextCheck < checks.Count; nextCheck++)
        {
            var (checkpoint, isExternal) = checks[nextCheck];
            Found(lastSequence + 1, "truncated",
                $"The log ends at sequence {lastSequence} ({count} events) but the {(isExternal ? "external" : "stored")} checkpoint saw {checkpoint.Count} events up to sequence {checkpoint.Sequence}: its tail was removed.");
        }
        await links.CloseAsync();
        await ForksAsync(chainConnection, notes, size => noteSequences.GetValueOrDefault(size, lastSequence), Found, cancellation);

        watch.Stop();
        var ordered = findings.OrderBy(f => f.Sequence).ToList();
        var headCheckpoint = count == 0 ? null : new Checkpoint(lastSequence, ChainHash.Hex(full), count, RootHash: Convert.ToBase64String(frontier.Root()));
        return new VerifyReport(
            findingCount == 0 ? "clean" : "tampered",
            ordered.Count == 0 ? null : ordered[0].Sequence,
            ordered, findingCount, eventsChecked, lastSequence, chainHead, unchained, gapCount, missing,
            checks.Count(c => !c.External), checks.Count(c => c.External), notes.Count, headCheckpoint,
            watch.Elapsed.TotalSeconds, eventsChecked / Math.Max(watch.Elapsed.TotalSeconds, 1e-6));
    }

    /// <summary>
    /// Signed checkpoints that no single log can have: two of one size with different roots, or a later one whose tree
    /// the stored tree cannot prove to extend the earlier one's (RFC 9162 consistency proof).
    /// </summary>
    private async Task ForksAsync(Npgsql.NpgsqlConnection connection, List<(string Name, CheckpointBody Body)> notes, Func<long, long> sequenceAt,
        Action<long, string, string> found, CancellationToken cancellation)
    {
        if (notes.Count < 2) return;
        var stored = await tree.SizeAsync(connection, cancellation);
        for (var i = 1; i < notes.Count; i++)
        {
            var (earlier, later) = (notes[i - 1], notes[i]);
            var (m, n) = (earlier.Body.TreeSize, later.Body.TreeSize);
            if (m == n)
            {
                if (!earlier.Body.RootHash.AsSpan().SequenceEqual(later.Body.RootHash))
                    found(sequenceAt(m), "fork", $"The signed checkpoints {earlier.Name} and {later.Name} both sign a tree of {m} events, with different roots.");
                continue;
            }
            if (n > stored) continue; // the stored tree is shorter: truncated or not yet grown, reported above
            var path = await tree.ConsistencyPathAsync(connection, m, n, cancellation);
            if (!MerkleTree.VerifiesConsistency(m, n, earlier.Body.RootHash, later.Body.RootHash, path))
                found(sequenceAt(n), "fork", $"The signed checkpoint {later.Name} (tree of {n}) does not extend {earlier.Name} (tree of {m}): the log signed later is not a continuation of the one signed earlier.");
        }
    }

    /// <summary>The current row of audit_chain, read into a buffer reused from row to row.</summary>
    private sealed class StoredLink
    {
        public long Sequence { get; private set; }
        public long Previous { get; private set; }
        public byte[] Link { get; } = new byte[ChainHash.Size];
        private long length;

        /// <summary>A stored link of another length (edited) matches nothing.</summary>
        public bool Matches(ReadOnlySpan<byte> link) => length == ChainHash.Size && link.SequenceEqual(Link);

        public async Task<bool> NextAsync(NpgsqlDataReader reader, CancellationToken cancellation)
        {
            if (!await reader.ReadAsync(cancellation)) return false;
            Sequence = reader.GetInt64(0);
            Previous = reader.GetInt64(1);
            Array.Clear(Link);
            length = reader.GetBytes(2, 0, null, 0, 0);
            reader.GetBytes(2, 0, Link, 0, (int)Math.Min(length, ChainHash.Size));
            return true;
        }
    }
}
