using Negotiations.Kernel;
using Npgsql;

namespace Negotiations.Operations.Audit;

/// <summary>That an event is in the log: its leaf in a tree of a size, and the path from it to that tree's root (hashes in base64).</summary>
/// <param name="Leaf">The leaf's bytes, sequence | stream id | version | type | canonical data | recorded, in base64 (the hash chain's frame without the previous link).</param>
/// <param name="LeafHash">SHA-256(0x00 || leaf).</param>
/// <param name="RootHash">The root the path leads to; check it against a signed checkpoint of this tree size, not against this answer.</param>
public sealed record InclusionProof(long Sequence, long LeafIndex, long TreeSize, string Leaf, string LeafHash, IReadOnlyList<string> Path, string RootHash);

/// <summary>That the tree of the first size is a prefix of the tree of the second: nothing in it was changed, removed or reordered.</summary>
public sealed record ConsistencyProof(long FromTreeSize, long ToTreeSize, string FirstRoot, string SecondRoot, IReadOnlyList<string> Path);

/// <summary>Inclusion and consistency proofs over the stored Merkle tree, as RFC 9162 defines them.</summary>
public sealed class Proofs(EventLog log, TreeNodes tree)
{
    /// <summary>A connection reading one snapshot, so that the sizes, the paths and the roots of a proof agree.</summary>
    private async Task<Snapshot> OpenSnapshotAsync(CancellationToken cancellation)
    {
        await log.EnsureAsync(cancellation);
        var connection = await log.OpenAsync(cancellation);
        return new Snapshot(connection, await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellation));
    }

    private sealed record Snapshot(NpgsqlConnection Connection, NpgsqlTransaction Transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }

    /// <summary>The tree's size and the latest checkpoint's size, the default a proof is made for.</summary>
    private async Task<(long Size, long Checkpointed)> SizesAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        var size = await tree.SizeAsync(connection, cancellation);
        var latest = await Checkpoints.LatestAsync(log, connection, cancellation);
        return (size, Math.Min(latest?.Count ?? size, size));
    }

    /// <summary>A proof, or the problems with the request (null sequence: unknown, answered 404).</summary>
    public async Task<(InclusionProof? Proof, Problems Problems)> InclusionAsync(long sequence, long? treeSize, CancellationToken cancellation)
    {
        await using var snapshot = await OpenSnapshotAsync(cancellation);
        var connection = snapshot.Connection;
        var problems = new Problems();
        var (size, checkpointed) = await SizesAsync(connection, cancellation);
        var n = treeSize ?? checkpointed;
        problems.When(treeSize is not null && (treeSize < 1 || treeSize > size), "treeSize", $"Between 1 and the tree's size, {size}.");
        if (problems.Any) return (null, problems);

        var e = new ChainedEventRow();
        long index;
        await using (var command = new NpgsqlCommand(
            $"select c.position - 1, {ChainedEventRow.ColumnsOf("e")} from {log.Chain} c join {log.Events} e on e.seq_id = c.seq_id where c.seq_id = $1", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = sequence });
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            if (!await reader.ReadAsync(cancellation)) return (null, problems);
            index = reader.GetInt64(0);
            e.Read(reader, offset: 1);
        }
        if (index >= n)
        {
            problems.Add("treeSize", $"The event at sequence {sequence} is leaf {index}; a tree of {n} leaves does not hold it yet (the tree holds {size}).");
            return (null, problems);
        }
        var leaf = new ChainHasher().Leaf(e);
        var leafHash = MerkleTree.LeafHash(leaf);
        var path = await tree.InclusionPathAsync(connection, index, n, cancellation);
        var root = await tree.RootAsync(connection, n, cancellation);
        return (new InclusionProof(sequence, index, n, Convert.ToBase64String(leaf), Convert.ToBase64String(leafHash), path.Select(Convert.ToBase64String).ToList(), Convert.ToBase64String(root)), problems);
    }

    public async Task<(ConsistencyProof? Proof, Problems Problems)> ConsistencyAsync(long? from, long? to, CancellationToken cancellation)
    {
        await using var snapshot = await OpenSnapshotAsync(cancellation);
        var connection = snapshot.Connection;
        var (size, checkpointed) = await SizesAsync(connection, cancellation);
        var second = to ?? checkpointed;
        var problems = new Problems()
            .When(from is null, "fromTreeSize", "Required: the size of the earlier tree (a checkpoint's tree size).")
            .When(from is not null && (from < 1 || from > second), "fromTreeSize", $"Between 1 and toTreeSize ({second}).")
            .When(to is not null && (to < 1 || to > size), "toTreeSize", $"Between 1 and the tree's size, {size}.");
        if (problems.Any) return (null, problems);
        var path = await tree.ConsistencyPathAsync(connection, from!.Value, second, cancellation);
        var firstRoot = await tree.RootAsync(connection, from.Value, cancellation);
        var secondRoot = await tree.RootAsync(connection, second, cancellation);
        return (new ConsistencyProof(from.Value, second, Convert.ToBase64String(firstRoot), Convert.ToBase64String(secondRoot), path.Select(Convert.ToBase64String).ToList()), problems);
    }
}
