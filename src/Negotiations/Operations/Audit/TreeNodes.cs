using Npgsql;
using NpgsqlTypes;

namespace Negotiations.Operations.Audit;

/// <summary>
/// The Merkle tree's stored subtrees (audit_tree): what the chain writer adds, and roots and proofs for any tree
/// size up to the chain's, each read in one query of the O(log n) subtrees it needs.
/// </summary>
public sealed class TreeNodes(EventLog log)
{
    /// <summary>How many leaves the tree holds.</summary>
    public async Task<long> SizeAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand($"select coalesce(max(idx) + 1, 0) from {log.Tree} where level = 0", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellation));
    }

    public async Task<TreeFrontier> FrontierAsync(NpgsqlConnection connection, long size, CancellationToken cancellation)
    {
        var subtrees = await ReadAsync(connection, TreeFrontier.Edge(size), cancellation);
        return TreeFrontier.Resume(size, subtrees);
    }

    public Task<byte[]> RootAsync(NpgsqlConnection connection, long treeSize, CancellationToken cancellation) =>
        ComputeAsync(connection, s => MerkleTree.Root(treeSize, s), cancellation);

    public Task<IReadOnlyList<byte[]>> InclusionPathAsync(NpgsqlConnection connection, long index, long treeSize, CancellationToken cancellation) =>
        ComputeAsync(connection, s => MerkleTree.InclusionPath(index, treeSize, s), cancellation);

    public Task<IReadOnlyList<byte[]>> ConsistencyPathAsync(NpgsqlConnection connection, long first, long second, CancellationToken cancellation) =>
        ComputeAsync(connection, s => MerkleTree.ConsistencyPath(first, second, s), cancellation);

    /// <summary>Stores completed subtrees, in the caller's transaction.</summary>
    public async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<(int Level, long Index, byte[] Hash)> subtrees, CancellationToken cancellation)
    {
        if (subtrees.Count == 0) return;
        await using var copy = await connection.BeginBinaryImportAsync($"copy {log.Tree} (level, idx, hash) from stdin (format binary)", cancellation);
        foreach (var (level, index, hash) in subtrees)
        {
            await copy.StartRowAsync(cancellation);
            await copy.WriteAsync(level, NpgsqlDbType.Integer, cancellation);
            await copy.WriteAsync(index, NpgsqlDbType.Bigint, cancellation);
            await copy.WriteAsync(hash, NpgsqlDbType.Bytea, cancellation);
        }
        await copy.CompleteAsync(cancellation);
    }

    private async Task<T> ComputeAsync<T>(NpgsqlConnection connection, Func<MerkleTree.Subtrees, T> computation, CancellationToken cancellation)
    {
        var needed = MerkleTree.SubtreesRead(s => computation(s));
        return computation(await ReadAsync(connection, needed, cancellation));
    }

    private async Task<MerkleTree.Subtrees> ReadAsync(NpgsqlConnection connection, IReadOnlyList<(int Level, long Index)> keys, CancellationToken cancellation)
    {
        var found = new Dictionary<(int, long), byte[]>();
        if (keys.Count > 0)
        {
            await using var command = new NpgsqlCommand(
                $"select t.level, t.idx, t.hash from {log.Tree} t join unnest($1::int[], $2::bigint[]) k(level, idx) on t.level = k.level and t.idx = k.idx", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Level).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Index).ToArray() });
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation)) found[(reader.GetInt32(0), reader.GetInt64(1))] = reader.GetFieldValue<byte[]>(2);
        }
        return (level, index) => found.TryGetValue((level, index), out var hash)
            ? hash
            : throw new InvalidOperationException($"The Merkle tree has no subtree {index} at level {level}: it is behind the chain or was altered.");
    }
}
