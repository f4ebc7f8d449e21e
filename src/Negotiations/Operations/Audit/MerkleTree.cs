using System.Security.Cryptography;

namespace Negotiations.Operations.Audit;

/// <summary>
/// The Merkle tree of RFC 9162 (Certificate Transparency 2.0), section 2.1, over leaf hashes: a leaf is
/// SHA-256(0x00 || its bytes), a node SHA-256(0x01 || left || right), a tree of n leaves splits at the largest power of
/// two below n. Root, inclusion and consistency proofs as the RFC defines them, and their verification as it writes it
/// (2.1.3.2, 2.1.4.2), so that an outsider's verifier and this one agree. Pure: no I/O.
/// </summary>
public static class MerkleTree
{
    /// <summary>The root of a perfect subtree: the 2^level leaves from index * 2^level on.</summary>
    public delegate byte[] Subtrees(int level, long index);

    public const int HashSize = 32;

    public static byte[] LeafHash(ReadOnlySpan<byte> leaf) => Hash(0x00, leaf, []);

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) => Hash(0x01, left, right);

    /// <summary>MTH(D[n]): the root of the leaves' tree; SHA-256 of nothing for no leaves.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes) => Root(leafHashes.Count, Of(leafHashes));

    /// <summary>MTH(D[n]) of the first <paramref name="treeSize"/> leaves, from the hashes of their perfect subtrees.</summary>
    public static byte[] Root(long treeSize, Subtrees subtrees) =>
        treeSize == 0 ? SHA256.HashData(ReadOnlySpan<byte>.Empty) : Range(subtrees, 0, treeSize);

    /// <summary>PATH(m, D[n]): the hashes that lead from leaf m to the root of the first n leaves.</summary>
    public static IReadOnlyList<byte[]> InclusionPath(IReadOnlyList<byte[]> leafHashes, long index, long treeSize)
    {
        if (treeSize > leafHashes.Count) throw new ArgumentOutOfRangeException(nameof(treeSize), $"The tree has {leafHashes.Count} leaves, not {treeSize}.");
        return InclusionPath(index, treeSize, Of(leafHashes));
    }

    public static IReadOnlyList<byte[]> InclusionPath(long index, long treeSize, Subtrees subtrees)
    {
        if (treeSize < 1 || index < 0 || index >= treeSize)
            throw new ArgumentOutOfRangeException(nameof(index), $"Leaf {index} is not in a tree of {treeSize} leaves.");
        var path = new List<byte[]>();
        Path(subtrees, index, 0, treeSize, path);
        return path;
    }

    /// <summary>PROOF(m, D[n]): the hashes that show the tree of the first m leaves is a prefix of the tree of n.</summary>
    public static IReadOnlyList<byte[]> ConsistencyPath(IReadOnlyList<byte[]> leafHashes, long first, long second)
    {
        if (second > leafHashes.Count) throw new ArgumentOutOfRangeException(nameof(second), $"The tree has {leafHashes.Count} leaves, not {second}.");
        return ConsistencyPath(first, second, Of(leafHashes));
    }

    public static IReadOnlyList<byte[]> ConsistencyPath(long first, long second, Subtrees subtrees)
    {
        if (first < 1 || first > second)
            throw new ArgumentOutOfRangeException(nameof(first), $"No consistency proof from {first} to {second} leaves.");
        var path = new List<byte[]>();
        SubProof(subtrees, first, 0, second, true, path);
        return path;
    }

    /// <summary>
    /// The perfect subtrees a computation reads (each as level and index), so that they can be fetched at once
    /// before it runs for real.
    /// </summary>
    public static IReadOnlyList<(int Level, long Index)> SubtreesRead(Action<Subtrees> computation)
    {
        var read = new List<(int, long)>();
        var placeholder = new byte[HashSize];
        computation((level, index) => { read.Add((level, index)); return placeholder; });
        return read.Distinct().ToList();
    }

    /// <summary>RFC 9162, 2.1.3.2: whether the path proves the leaf hash at the index in the tree with this root.</summary>
    public static bool VerifiesInclusion(ReadOnlySpan<byte> leafHash, long index, long treeSize, IReadOnlyList<byte[]> path, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= treeSize) return false;
        var (fn, sn) = (index, treeSize - 1);
        var r = leafHash.ToArray();
        foreach (var p in path)
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                if ((fn & 1) == 0)
                    while ((fn & 1) == 0 && fn != 0) (fn, sn) = (fn >> 1, sn >> 1);
            }
            else r = NodeHash(r, p);
            (fn, sn) = (fn >> 1, sn >> 1);
        }
        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>RFC 9162, 2.1.4.2: whether the path proves the tree of the first size is a prefix of the tree of the second.</summary>
    public static bool VerifiesConsistency(long first, long second, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]> path)
    {
        if (first < 1 || first > second) return false;
        if (first == second) return path.Count == 0 && firstRoot.SequenceEqual(secondRoot);
        var proof = (first & (first - 1)) == 0 ? [firstRoot.ToArray(), .. path] : path.ToList();
        if (proof.Count == 0) return false;
        var (fn, sn) = (first - 1, second - 1);
        while ((fn & 1) == 1) (fn, sn) = (fn >> 1, sn >> 1);
        var (fr, sr) = (proof[0], proof[0]);
        foreach (var c in proof.Skip(1))
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                (fr, sr) = (NodeHash(c, fr), NodeHash(c, sr));
                if ((fn & 1) == 0)
                    while ((fn & 1) == 0 && fn != 0) (fn, sn) = (fn >> 1, sn >> 1);
            }
            else sr = NodeHash(sr, c);
            (fn, sn) = (fn >> 1, sn >> 1);
        }
        return sn == 0 && fr.AsSpan().SequenceEqual(firstRoot) && sr.AsSpan().SequenceEqual(secondRoot);
    }

    /// <summary>The perfect subtrees of a list of leaf hashes, computed from the leaves.</summary>
    private static Subtrees Of(IReadOnlyList<byte[]> leaves)
    {
        byte[] Perfect(int level, long index)
        {
            var size = 1L << level;
            if ((index + 1) * size > leaves.Count) throw new ArgumentOutOfRangeException(nameof(index), $"No subtree {index} at level {level} in {leaves.Count} leaves.");
            return level == 0 ? leaves[(int)index] : NodeHash(Perfect(level - 1, index * 2), Perfect(level - 1, index * 2 + 1));
        }
        return Perfect;
    }

    /// <summary>MTH of the leaves [from, from + count). In RFC 9162's recursion a range of 2^k leaves always starts at a multiple of 2^k: it is one perfect subtree.</summary>
    private static byte[] Range(Subtrees subtrees, long from, long count)
    {
        if ((count & (count - 1)) == 0)
        {
            var level = System.Numerics.BitOperations.Log2((ulong)count);
            return subtrees(level, from >> level);
        }
        var k = Split(count);
        return NodeHash(Range(subtrees, from, k), Range(subtrees, from + k, count - k));
    }

    private static void Path(Subtrees subtrees, long index, long from, long count, List<byte[]> path)
    {
        if (count == 1) return;
        var k = Split(count);
        if (index < k)
        {
            Path(subtrees, index, from, k, path);
            path.Add(Range(subtrees, from + k, count - k));
        }
        else
        {
            Path(subtrees, index - k, from + k, count - k, path);
            path.Add(Range(subtrees, from, k));
        }
    }

    private static void SubProof(Subtrees subtrees, long m, long from, long count, bool whole, List<byte[]> path)
    {
        if (m == count)
        {
            if (!whole) path.Add(Range(subtrees, from, count));
            return;
        }
        var k = Split(count);
        if (m <= k)
        {
            SubProof(subtrees, m, from, k, whole, path);
            path.Add(Range(subtrees, from + k, count - k));
        }
        else
        {
            SubProof(subtrees, m - k, from + k, count - k, false, path);
            path.Add(Range(subtrees, from, k));
        }
    }

    /// <summary>The largest power of two smaller than n (n &gt; 1).</summary>
    private static long Split(long n)
    {
        var k = 1L;
        while (k << 1 < n) k <<= 1;
        return k;
    }

    private static byte[] Hash(byte prefix, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var buffer = new byte[1 + a.Length + b.Length];
        buffer[0] = prefix;
        a.CopyTo(buffer.AsSpan(1));
        b.CopyTo(buffer.AsSpan(1 + a.Length));
        return SHA256.HashData(buffer);
    }
}
