using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using NSec.Cryptography;
using Negotiations.Operations.Audit;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Audit;

/// <summary>
/// The Merkle tree kept beside the chain, its signed checkpoints and its proofs, checked as an outsider would: with the
/// verifier key only, by this code and by eventstore-scripts/verify-proof. The store: 16 events (sequences 1-8 and
/// 10-17, 9 rolled back), chained in batches of 7, so that checkpoints are signed at tree sizes 7, 15 and 16.
/// </summary>
[Collection(nameof(AuditChainCollection))]
public class ProofTests(AuditFixture app) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        await app.AppendAsync(2, 4);
        await app.RolledBackAppendAsync();
        await app.AppendAsync(2, 4);
        var writer = app.Writer();
        await writer.CatchUpAllAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        await writer.CheckpointNowAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<string>> NotesAsync()
    {
        await using var connection = await app.Log.OpenAsync(CancellationToken.None);
        return (await Checkpoints.AllAsync(app.Log, connection, CancellationToken.None)).Select(c => c.Note!).ToList();
    }

    private CheckpointBody Open(string note) =>
        CheckpointBody.Parse(SignedNote.Verify(note, app.Signer.VerifierKey!, out var why) ?? throw new ShouldAssertException(why))!;

    /// <summary>The leaf hashes of the log, from its JSON Lines export alone.</summary>
    private async Task<List<byte[]>> LeavesFromExportAsync()
    {
        using var client = app.Client();
        var lines = (await client.GetStringAsync("/api/audit/export/events")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var hasher = new ChainHasher();
        return lines.Select(line =>
        {
            var e = JsonDocument.Parse(line).RootElement;
            return MerkleTree.LeafHash(hasher.Leaf(new ChainedEvent(e.GetProperty("sequence").GetInt64(), e.GetProperty("streamId").GetString()!,
                e.GetProperty("version").GetInt64(), e.GetProperty("type").GetString()!, e.GetProperty("data").GetRawText(),
                DateTimeOffset.Parse(e.GetProperty("recorded").GetString()!))));
        }).ToList();
    }

    [Fact]
    public async Task Every_checkpoint_is_signed_over_the_root_of_the_events_it_covers()
    {
        var leaves = await LeavesFromExportAsync();
        leaves.Count.ShouldBe(16);
        var bodies = (await NotesAsync()).Select(Open).ToList();
        bodies.Select(b => b.TreeSize).ShouldBe([7L, 15L, 16L]); // 7 + 1 (stopping at the gap) + 7: the first checkpoint 5 or more after 7
        foreach (var body in bodies)
        {
            body.Origin.ShouldBe(AuditFixture.Origin);
            Convert.ToBase64String(body.RootHash).ShouldBe(Convert.ToBase64String(MerkleTree.Root(leaves.Take((int)body.TreeSize).ToList())), $"size {body.TreeSize}");
        }
    }

    [Fact]
    public async Task The_latest_signed_checkpoint_and_its_key_are_published_as_text_to_any_reader()
    {
        using var viewer = app.Client(TestKeys.Viewer);
        var key = (await viewer.GetStringAsync("/api/audit/checkpoint/key")).TrimEnd('\n');
        key.ShouldBe(app.Signer.VerifierKey);
        key.ShouldStartWith(AuditFixture.Origin + "+");
        var response = await viewer.GetAsync("/api/audit/checkpoint");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var note = await response.Content.ReadAsStringAsync();
        note.ShouldBe((await NotesAsync())[^1]);
        note.ShouldStartWith($"{AuditFixture.Origin}\n16\n");
        Open(note).TreeSize.ShouldBe(16);

        (await viewer.GetAsync("/api/audit/proofs/consistency?fromTreeSize=7")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Every_event_has_an_inclusion_proof_that_leads_to_each_signed_root_that_holds_it()
    {
        var notes = (await NotesAsync()).Select(Open).ToList();
        var sequences = Enumerable.Range(1, 17).Where(s => s != 9).ToList();
        foreach (var (sequence, index) in sequences.Select((s, i) => (s, (long)i)))
        foreach (var note in notes.Where(n => n.TreeSize > index))
        {
            var proof = (await app.Get($"/api/audit/proofs/inclusion/{sequence}?treeSize={note.TreeSize}")).ShouldBe(HttpStatusCode.OK).Body!;
            proof["leafIndex"]!.GetValue<long>().ShouldBe(index);
            var leaf = Convert.FromBase64String(proof["leaf"]!.GetValue<string>());
            var leafHash = MerkleTree.LeafHash(leaf);
            Convert.ToBase64String(leafHash).ShouldBe(proof["leafHash"]!.GetValue<string>());
            System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(leaf).ShouldBe(sequence);
            var path = proof["path"]!.AsArray().Select(p => Convert.FromBase64String(p!.GetValue<string>())).ToList();
            MerkleTree.VerifiesInclusion(leafHash, index, note.TreeSize, path, note.RootHash).ShouldBeTrue($"{sequence} in {note.TreeSize}");
        }
        // Without treeSize, the latest checkpoint's tree.
        (await app.Get("/api/audit/proofs/inclusion/1")).Body!["treeSize"]!.GetValue<long>().ShouldBe(16);
    }

    [Fact]
    public async Task Each_signed_tree_has_a_consistency_proof_to_every_later_one()
    {
        var notes = (await NotesAsync()).Select(Open).ToList();
        foreach (var earlier in notes)
        foreach (var later in notes.Where(n => n.TreeSize >= earlier.TreeSize))
        {
            var proof = (await app.Get($"/api/audit/proofs/consistency?fromTreeSize={earlier.TreeSize}&toTreeSize={later.TreeSize}")).ShouldBe(HttpStatusCode.OK).Body!;
            proof["firstRoot"]!.GetValue<string>().ShouldBe(Convert.ToBase64String(earlier.RootHash));
            proof["secondRoot"]!.GetValue<string>().ShouldBe(Convert.ToBase64String(later.RootHash));
            var path = proof["path"]!.AsArray().Select(p => Convert.FromBase64String(p!.GetValue<string>())).ToList();
            MerkleTree.VerifiesConsistency(earlier.TreeSize, later.TreeSize, earlier.RootHash, later.RootHash, path).ShouldBeTrue($"{earlier.TreeSize} to {later.TreeSize}");
        }
        (await app.Get("/api/audit/proofs/consistency?fromTreeSize=7")).Body!["toTreeSize"]!.GetValue<long>().ShouldBe(16);
    }

    [Fact]
    public async Task An_auditor_checkpoints_now_so_that_an_event_just_appended_has_a_proof_against_a_signed_note()
    {
        await app.AppendAsync(1, 1);
        using var viewer = app.Client(TestKeys.Viewer);
        (await viewer.PostAsync("/api/audit/checkpoints", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var checkpoint = (await app.Post("/api/audit/checkpoints", new { })).ShouldBe(HttpStatusCode.OK).Body!;
        checkpoint["count"]!.GetValue<long>().ShouldBe(17);
        var note = Open(checkpoint["note"]!.GetValue<string>());
        note.TreeSize.ShouldBe(17);
        (await viewer.GetStringAsync("/api/audit/checkpoint")).ShouldBe(checkpoint["note"]!.GetValue<string>());

        var sequence = checkpoint["sequence"]!.GetValue<long>();
        var proof = (await app.Get($"/api/audit/proofs/inclusion/{sequence}")).ShouldBe(HttpStatusCode.OK).Body!;
        var path = proof["path"]!.AsArray().Select(p => Convert.FromBase64String(p!.GetValue<string>())).ToList();
        MerkleTree.VerifiesInclusion(Convert.FromBase64String(proof["leafHash"]!.GetValue<string>()), 16, 17, path, note.RootHash).ShouldBeTrue();

        // Nothing new: the same checkpoint again, no second row.
        (await app.Post("/api/audit/checkpoints", new { })).Body!["note"]!.GetValue<string>().ShouldBe(checkpoint["note"]!.GetValue<string>());
        (await NotesAsync()).Count.ShouldBe(4);
    }

    [Theory]
    [InlineData("/api/audit/proofs/inclusion/1?treeSize=0", "treeSize")]
    [InlineData("/api/audit/proofs/inclusion/1?treeSize=17", "treeSize")]
    [InlineData("/api/audit/proofs/inclusion/17?treeSize=7", "treeSize")]
    [InlineData("/api/audit/proofs/inclusion/1?treeSize=x", "treeSize")]
    [InlineData("/api/audit/proofs/consistency", "fromTreeSize")]
    [InlineData("/api/audit/proofs/consistency?fromTreeSize=8&toTreeSize=7", "fromTreeSize")]
    [InlineData("/api/audit/proofs/consistency?fromTreeSize=0", "fromTreeSize")]
    [InlineData("/api/audit/proofs/consistency?fromTreeSize=1&toTreeSize=17", "toTreeSize")]
    [InlineData("/api/audit/proofs/consistency?from=1", "from")]
    public async Task A_proof_that_cannot_be_made_is_a_400_naming_the_parameter(string url, string parameter) =>
        (await app.Get(url)).ShouldBeProblem(HttpStatusCode.BadRequest).Body!["errors"]![parameter].ShouldNotBeNull();

    [Theory]
    [InlineData(9)]    // rolled back: never in the log
    [InlineData(999)]
    public async Task An_event_not_in_the_log_has_no_proof(long sequence) =>
        (await app.Get($"/api/audit/proofs/inclusion/{sequence}")).ShouldBeProblem(HttpStatusCode.NotFound);

    [Fact]
    public async Task The_independent_verifier_checks_notes_and_proofs_and_refuses_what_does_not_hold()
    {
        var dir = Directory.CreateTempSubdirectory("proofs").FullName;
        var key = app.Signer.VerifierKey!;
        var notes = await NotesAsync();
        for (var i = 0; i < notes.Count; i++) await File.WriteAllTextAsync(Path.Combine(dir, $"note{i}"), notes[i]);
        using var client = app.Client();
        await File.WriteAllTextAsync(Path.Combine(dir, "inclusion"), await client.GetStringAsync("/api/audit/proofs/inclusion/12?treeSize=15"));
        await File.WriteAllTextAsync(Path.Combine(dir, "consistency"), await client.GetStringAsync("/api/audit/proofs/consistency?fromTreeSize=7&toTreeSize=16"));

        var (code, output, _) = await RunAsync("note", key, Path.Combine(dir, "note2"));
        code.ShouldBe(0);
        output.ShouldContain("\"treeSize\": 16");
        (code, output, _) = await RunAsync("inclusion", key, Path.Combine(dir, "note1"), Path.Combine(dir, "inclusion"));
        code.ShouldBe(0);
        output.ShouldContain("\"sequence\": 12");
        (code, _, _) = await RunAsync("consistency", key, Path.Combine(dir, "note0"), Path.Combine(dir, "note2"), Path.Combine(dir, "consistency"));
        code.ShouldBe(0);

        // The proof for another tree size, an altered path, an altered note, another log's key.
        (code, _, var why) = await RunAsync("inclusion", key, Path.Combine(dir, "note2"), Path.Combine(dir, "inclusion"));
        (code, why).ShouldBe((1, why));
        why.ShouldContain("tree of 15");
        var proof = await File.ReadAllTextAsync(Path.Combine(dir, "inclusion"));
        var path0 = JsonDocument.Parse(proof).RootElement.GetProperty("path")[0].GetString()!;
        var flipped = Convert.FromBase64String(path0);
        flipped[0] ^= 1;
        await File.WriteAllTextAsync(Path.Combine(dir, "altered"), proof.Replace(path0, Convert.ToBase64String(flipped)));
        (code, _, why) = await RunAsync("inclusion", key, Path.Combine(dir, "note1"), Path.Combine(dir, "altered"));
        (code, why).ShouldBe((1, why));
        why.ShouldContain("not in that log");
        await File.WriteAllTextAsync(Path.Combine(dir, "edited"), notes[2].Replace("\n16\n", "\n17\n"));
        (code, _, why) = await RunAsync("note", key, Path.Combine(dir, "edited"));
        (code, why).ShouldBe((1, why));
        why.ShouldContain("does not match");
        using var other = Key.Create(SignatureAlgorithm.Ed25519);
        (code, _, _) = await RunAsync("note", SignedNote.VerifierKey(AuditFixture.Origin, other.PublicKey.Export(KeyBlobFormat.RawPublicKey)), Path.Combine(dir, "note2"));
        code.ShouldBe(1);

        // A fork: the log's key signed another tree of 16; no consistency proof joins it to the tree of 7.
        await File.WriteAllTextAsync(Path.Combine(dir, "forked"), ForkedNote(16));
        (code, _, why) = await RunAsync("consistency", key, Path.Combine(dir, "note0"), Path.Combine(dir, "forked"), Path.Combine(dir, "consistency"));
        (code, why).ShouldBe((1, why));
        why.ShouldContain("fork");
        (code, _, _) = await RunAsync("bogus");
        code.ShouldBe(2);
    }

    [Fact]
    public async Task Verify_checks_signed_notes_against_the_events_and_finds_forks()
    {
        var notes = await NotesAsync();
        var clean = (await app.Post("/api/audit/verify", new { notes })).ShouldBe(HttpStatusCode.OK).Body!;
        clean["status"]!.GetValue<string>().ShouldBe("clean");
        clean["signedCheckpointsChecked"]!.GetValue<int>().ShouldBe(3);

        // Same size, another root.
        var sameSize = (await app.Post("/api/audit/verify", new { notes = new[] { notes[1], ForkedNote(15) } })).ShouldBe(HttpStatusCode.OK).Body!;
        sameSize["status"]!.GetValue<string>().ShouldBe("tampered");
        Kinds(sameSize).ShouldBe(["checkpoint-mismatch", "fork"], ignoreOrder: true);

        // A later tree that does not extend the earlier one.
        var later = (await app.Post("/api/audit/verify", new { notes = new[] { notes[0], ForkedNote(16) } })).ShouldBe(HttpStatusCode.OK).Body!;
        Kinds(later).ShouldBe(["checkpoint-mismatch", "fork"], ignoreOrder: true);

        // A tree longer than the log: its tail was removed.
        Kinds((await app.Post("/api/audit/verify", new { notes = new[] { ForkedNote(40) } })).Body!).ShouldBe(["truncated"]);

        // A note this log's key did not sign is not evidence about it.
        var refused = (await app.Post("/api/audit/verify", new { notes = new[] { notes[0].Replace("\n7\n", "\n8\n"), "hello" } })).ShouldBeProblem(HttpStatusCode.BadRequest);
        refused.Body!["errors"]!["notes[0]"]!.ToString().ShouldContain("does not match");
        refused.Body!["errors"]!["notes[1]"].ShouldNotBeNull();
    }

    [Fact]
    public async Task An_edited_event_no_longer_matches_the_signed_roots_that_cover_it()
    {
        var notes = await NotesAsync();
        await app.SqlAsync($"update {app.Log.Events} set data = jsonb_set(data, '{{title}}', '\"edited\"') where seq_id = 10");
        var report = (await app.Post("/api/audit/verify", new { notes })).Body!;
        report["status"]!.GetValue<string>().ShouldBe("tampered");
        report["findings"]!.AsArray().Where(f => f!["detail"]!.GetValue<string>().Contains("signed checkpoint"))
            .Select(f => f!["kind"]!.GetValue<string>()).ShouldBe(["checkpoint-mismatch", "checkpoint-mismatch"]);
    }

    [Fact]
    public async Task A_tree_lost_or_kept_from_before_is_grown_again_from_the_chain_with_the_same_roots()
    {
        var before = (await NotesAsync()).Select(Open).ToList();
        await app.SqlAsync($"truncate {app.Log.Tree}");
        await app.Writer().CatchUpAllAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        await using var connection = await app.Log.OpenAsync(CancellationToken.None);
        (await app.Tree.SizeAsync(connection, CancellationToken.None)).ShouldBe(16);
        foreach (var note in before)
            Convert.ToBase64String(await app.Tree.RootAsync(connection, note.TreeSize, CancellationToken.None)).ShouldBe(Convert.ToBase64String(note.RootHash));
    }

    private static string[] Kinds(System.Text.Json.Nodes.JsonNode report) =>
        report["findings"]!.AsArray().Select(f => f!["kind"]!.GetValue<string>()).ToArray();

    /// <summary>A checkpoint signed by the log's own key over a tree that is not its tree: what a forked log would show.</summary>
    private static string ForkedNote(long size)
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(AuditFixture.SigningKey), KeyBlobFormat.RawPrivateKey);
        return SignedNote.Sign(new CheckpointBody(AuditFixture.Origin, size, SHA256.HashData([(byte)size])).Text, AuditFixture.Origin, key);
    }

    private static Task<(int Code, string Output, string Error)> RunAsync(params string[] arguments) => VerifyProof.RunAsync(arguments);
}
