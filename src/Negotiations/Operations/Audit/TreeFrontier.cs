namespace Negotiations.Operations.Audit;

/// <summary>
/// The right edge of the event log's Merkle tree: the root of each perfect subtree that a tree of this size
/// decomposes into (one per bit set in its size, largest first). That is all it takes to add leaves and to
/// compute the root, so the tree is kept incrementally: each new leaf completes at most log2(n) subtrees,
/// which are stored. Pure: no I/O.
/// </summary>
public sealed class TreeFrontier
{
    private readonly byte[]?[] edge = new byte[]?[64];

    public long Size { get; private set; }

    /// <summary>The subtrees (level, index) a tree of this size is made of, whose roots <see cref="Resume"/> takes.</summary>
    public static IReadOnlyList<(int Level, long Index)> Edge(long size)
    {
        var subtrees = new List<(int, long)>();
        for (var level = 63; level >= 0; level--)
            if (((size >> level) & 1) == 1) subtrees.Add((level, (size >> level) - 1));
        return subtrees;
    }

    /// <summary>A frontier for a tree of this size, from the roots of its <see cref="Edge"/> subtrees.</summary>
    public static TreeFrontier Resume(long size, MerkleTree.Subtrees roots)
    {
        var frontier = new TreeFrontier { Size = size };
        foreach (var (level, index) in Edge(size)) frontier.edge[level] = roots(level, index);
        return frontier;
    }

    /// <summary>Adds a leaf; names every subtree it completes (the leaf itself at level 0 first) with its root.</summary>
    public void Append(byte[] leafHash, Action<int, long, byte[]>? completed = null)
    {
        var position = Size + 1;
        var hash = leafHash;
        completed?.Invoke(0, Size, hash);
        var level = 0;
        while (((position >> level) & 1) == 0)
        {
            hash = MerkleTree.NodeHash(edge[level]!, hash);
            edge[level] = null;
            level++;
            completed?.Invoke(level, (position >> level) - 1, hash);
        }
        edge[level] = hash;
        Size = position;
    }

    /// <summary>MTH of the tree so far: the edge's subtrees folded from the smallest up.</summary>
    public byte[] Root()
    {
        byte[]? root = null;
        for (var level = 0; level < 64; level++)
            if (edge[level] is { } subtree) root = root is null ? subtree : MerkleTree.NodeHash(subtree, root);
        return root ?? MerkleTree.Root([]);
    }
}
