using Negotiations.Operations.Audit;

namespace Negotiations.Tests.Audit;

/// <summary>The RFC 9162 Merkle tree against the Certificate Transparency test vectors, and its proofs against tampering.</summary>
public class MerkleTreeTests
{
    // The leaves of the Certificate Transparency reference tests (merkle tree test data, RFC 6962 / 9162).
    private static readonly byte[][] Leaves =
        new[] { "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f" }
            .Select(Convert.FromHexString).ToArray();

    private static readonly IReadOnlyList<byte[]> Hashes = Leaves.Select(l => MerkleTree.LeafHash(l)).ToList();

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    [Theory]
    [InlineData(1, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")]
    [InlineData(2, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")]
    [InlineData(3, "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77")]
    [InlineData(4, "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")]
    [InlineData(5, "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4")]
    [InlineData(6, "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef")]
    [InlineData(7, "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c")]
    [InlineData(8, "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")]
    public void The_root_of_the_first_leaves_is_the_reference_root(int size, string root) =>
        Hex(MerkleTree.Root(Hashes.Take(size).ToList())).ShouldBe(root);

    [Fact]
    public void The_empty_tree_is_the_hash_of_nothing() =>
        Hex(MerkleTree.Root([])).ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    [Fact]
    public void The_reference_proofs_come_out_as_the_reference_gives_them()
    {
        MerkleTree.InclusionPath(Hashes, 0, 8).Select(Hex).ShouldBe([
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]);
        MerkleTree.ConsistencyPath(Hashes, 6, 8).Select(Hex).ShouldBe([
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]);
        MerkleTree.ConsistencyPath(Hashes, 2, 5).Select(h => Hex(h)[..8]).ShouldBe(["5f083f0a", "bc1a0643"]);
    }

    [Fact]
    public void Every_leaf_of_every_tree_size_is_proved_included_and_a_changed_leaf_path_or_root_is_not()
    {
        var leaves = Enumerable.Range(0, 37).Select(i => MerkleTree.LeafHash([(byte)i, (byte)(i * 7)])).ToList();
        for (var size = 1; size <= leaves.Count; size++)
        {
            var root = MerkleTree.Root(leaves.Take(size).ToList());
            for (var index = 0; index < size; index++)
            {
                var path = MerkleTree.InclusionPath(leaves, index, size);
                MerkleTree.VerifiesInclusion(leaves[index], index, size, path, root).ShouldBeTrue($"leaf {index} of {size}");
                MerkleTree.VerifiesInclusion(leaves[(index + 1) % leaves.Count], index, size, path, root).ShouldBeFalse();
                if (path.Count > 0) MerkleTree.VerifiesInclusion(leaves[index], index, size, [.. path.Skip(1)], root).ShouldBeFalse();
                MerkleTree.VerifiesInclusion(leaves[index], index, size, path, MerkleTree.NodeHash(root, root)).ShouldBeFalse();
                if (size > 1) MerkleTree.VerifiesInclusion(leaves[index], (index + 1) % size, size, path, root).ShouldBeFalse($"leaf {index} as {(index + 1) % size}");
            }
        }
    }

    [Fact]
    public void Every_earlier_tree_is_proved_a_prefix_of_every_later_one_and_a_rewritten_one_is_not()
    {
        var leaves = Enumerable.Range(0, 33).Select(i => MerkleTree.LeafHash([(byte)i])).ToList();
        var rewritten = leaves.ToList();
        rewritten[3] = MerkleTree.LeafHash([0xff]);
        for (var second = 1; second <= leaves.Count; second++)
        {
            var secondRoot = MerkleTree.Root(leaves.Take(second).ToList());
            for (var first = 1; first <= second; first++)
            {
                var path = MerkleTree.ConsistencyPath(leaves, first, second);
                var firstRoot = MerkleTree.Root(leaves.Take(first).ToList());
                MerkleTree.VerifiesConsistency(first, second, firstRoot, secondRoot, path).ShouldBeTrue($"{first} -> {second}");
                // A fork: the same size, another history.
                var forked = MerkleTree.Root(rewritten.Take(first).ToList());
                if (first > 3) MerkleTree.VerifiesConsistency(first, second, forked, secondRoot, path).ShouldBeFalse($"fork {first} -> {second}");
            }
        }
    }

    [Fact]
    public void The_frontier_kept_leaf_by_leaf_has_the_root_and_stores_every_subtree_a_proof_needs()
    {
        var leaves = Enumerable.Range(0, 70).Select(i => MerkleTree.LeafHash([(byte)i, (byte)(i >> 8)])).ToList();
        var stored = new Dictionary<(int, long), byte[]>();
        var frontier = new TreeFrontier();
        frontier.Root().ShouldBe(MerkleTree.Root([]));
        for (var n = 1; n <= leaves.Count; n++)
        {
            frontier.Append(leaves[n - 1], (level, index, hash) => stored.Add((level, index), hash));
            Hex(frontier.Root()).ShouldBe(Hex(MerkleTree.Root(leaves.Take(n).ToList())), $"size {n}");
            // Resumed from what is stored, as the chain writer does after a restart.
            Hex(TreeFrontier.Resume(n, (level, index) => stored[(level, index)]).Root()).ShouldBe(Hex(frontier.Root()));
        }
        MerkleTree.Subtrees fromStore = (level, index) => stored[(level, index)];
        for (var n = 1; n <= leaves.Count; n += 3)
        for (var m = 1; m <= n; m += 2)
        {
            MerkleTree.ConsistencyPath(m, n, fromStore).Select(Hex).ShouldBe(MerkleTree.ConsistencyPath(leaves, m, n).Select(Hex), $"{m} to {n}");
            MerkleTree.InclusionPath(m - 1, n, fromStore).Select(Hex).ShouldBe(MerkleTree.InclusionPath(leaves, m - 1, n).Select(Hex), $"{m - 1} in {n}");
        }
        // What a proof reads is O(log n) subtrees, not the leaves.
        MerkleTree.SubtreesRead(s => MerkleTree.InclusionPath(37, 70, s)).Count.ShouldBeLessThanOrEqualTo(2 * 7);
    }
}
