using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Negotiations.Corrections;
using Negotiations.Operations.Audit;
using Negotiations.Tests.CommandLine;
using Negotiations.Tests.Support;
using Negotiations.Understandings;

namespace Negotiations.Tests.Audit;

/// <summary>
/// Releases: frozen at a signed checkpoint with the hashes of their export, exported again later to the byte while the
/// log grows, and compared with each other, development by development.
/// </summary>
[Collection(nameof(AuditChainCollection))]
public class ReleaseTests(AuditFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(Guid Id, Guid StageEvent)> ProposedAndStagedAsync(string title = "Southern demilitarised zone")
    {
        var id = (await app.Post("/api/understandings", Given.DemilitarisedZone() with { Title = title })).ShouldBe(HttpStatusCode.Created).Id;
        (await app.Post($"/api/understandings/{id}/stage", new ChangeStage(PaxStage.Ceasefire, Given.Reported(), 1))).ShouldBe(HttpStatusCode.OK);
        return (id, (await app.StreamOf(id))[1].Id);
    }

    private Task<Reply> FreezeAsync(object body) => app.Post("/api/audit/releases", body);

    private async Task<Dictionary<string, byte[]>> ExportAsync(string name)
    {
        using var client = app.Client(TestKeys.Auditor);
        var response = await client.GetAsync($"/api/audit/releases/{name}/export");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        var files = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            files[entry.Name] = copy.ToArray();
        }
        return files;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task A_release_is_frozen_at_a_signed_checkpoint_and_exported_again_later_byte_for_byte()
    {
        // A title with what canonical JSON escapes or keeps: quotes, a backslash, a tab, non-ASCII, Arabic, an emoji.
        var (id, stageEvent) = await ProposedAndStagedAsync("Zone démilitarisée — \"sud\" \\ \t(جنوب سوريا) 😀 <>&'");

        var frozen = (await FreezeAsync(new { name = "2025-09", notes = "The record as of the September report." })).ShouldBe(HttpStatusCode.Created);
        frozen.Message.Headers.Location!.ToString().ShouldBe("/api/audit/releases/2025-09");
        var release = frozen.Body!;
        release["treeSize"]!.GetValue<long>().ShouldBe(2);
        release["codebook"]!.GetValue<string>().ShouldBe(Negotiations.Kernel.Codebook.Version);
        release["frozenBy"]!.GetValue<string>().ShouldBe(TestKeys.EverythingUser);
        var body = CheckpointBody.Parse(SignedNote.Verify(release["checkpoint"]!.GetValue<string>(), app.Signer.VerifierKey!, out var why) ?? throw new ShouldAssertException(why))!;
        body.TreeSize.ShouldBe(2);
        Convert.ToBase64String(body.RootHash).ShouldBe(release["rootHash"]!.GetValue<string>());
        var manifest = release["files"]!.AsArray().ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!["sha256"]!.GetValue<string>());
        manifest.Keys.ShouldBe(["checkpoint.txt", "events.jsonl", .. Exports.ReadModels.Select(m => m + ".csv")]);

        // Rebuilt from the two events alone, the read model is the live one (kept inline) at that moment.
        using var auditor = app.Client(TestKeys.Auditor);
        var liveThen = await auditor.GetByteArrayAsync("/api/audit/export/understandings.csv");
        Sha256(liveThen).ShouldBe(manifest["understandings.csv"]);

        // The log grows: a correction of the released stage, a new understanding.
        var replacement = new UnderstandingStageChanged(id, PaxStage.FrameworkPartial, Given.Reported());
        (await app.Post($"/api/developments/{stageEvent}/correction", new { reason = "It was a framework", replacement })).ShouldBe(HttpStatusCode.OK);
        await ProposedAndStagedAsync("Trilateral oversight mechanism");
        var liveNow = await auditor.GetByteArrayAsync("/api/audit/export/understandings.csv");
        Sha256(liveNow).ShouldNotBe(manifest["understandings.csv"]);

        // Exported again: every file has the hash frozen in the manifest, the manifest is the release, the sums check.
        var files = await ExportAsync("2025-09");
        files.Keys.Order().ShouldBe(new[] { "SHA256SUMS", "manifest.json" }.Concat(manifest.Keys).Order());
        foreach (var (name, sha) in manifest) Sha256(files[name]).ShouldBe(sha, name);
        files["understandings.csv"].ShouldBe(liveThen);
        Encoding.UTF8.GetString(files["events.jsonl"]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
        JsonNode.Parse(files["manifest.json"])!["rootHash"]!.GetValue<string>().ShouldBe(release["rootHash"]!.GetValue<string>());
        Encoding.UTF8.GetString(files["SHA256SUMS"]).ShouldBe(string.Concat(manifest.Select(m => $"{m.Value}  {m.Key}\n")));
        Encoding.UTF8.GetString(files["checkpoint.txt"]).ShouldBe(release["checkpoint"]!.GetValue<string>());

        // The published manifest reads the same for anyone; the export stays the auditors'.
        using var viewer = app.Client(TestKeys.Viewer);
        JsonNode.Parse(await viewer.GetStringAsync("/api/audit/releases/2025-09"))!["files"]!.ToJsonString().ShouldBe(release["files"]!.ToJsonString());
        JsonNode.Parse(await viewer.GetStringAsync("/api/audit/releases"))!.AsArray().Single()!["name"]!.GetValue<string>().ShouldBe("2025-09");
        (await viewer.GetAsync("/api/audit/releases/2025-09/export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The command line exports the same bytes into a folder and checks them against the manifest.
        var folder = Directory.CreateTempSubdirectory("release-").FullName;
        try
        {
            var (code, output, error) = await CommandProcess.RunAsync(folder, app.Schema, "release", "export", "2025-09", "--output", "out");
            code.ShouldBe(0, error);
            output.ShouldBe(Encoding.UTF8.GetString(files["SHA256SUMS"]));
            error.ShouldContain("every file matches its manifest");
            foreach (var (name, bytes) in files) (await File.ReadAllBytesAsync(Path.Combine(folder, "out", name))).ShouldBe(bytes, name);

            // An outsider with the key alone: the signature, every file's hash, and the Merkle root of the events.
            var key = Path.Combine(folder, "key");
            await File.WriteAllTextAsync(key, app.Signer.VerifierKey);
            var exported = Path.Combine(folder, "out");
            var check = await VerifyProof.RunAsync("release", key, exported);
            check.Code.ShouldBe(0, check.Error);
            check.Output.ShouldContain("\"rootMatches\": true");

            // A file that is not the released one, or events whose hashes were put in the manifest but not signed: refused.
            var statuses = Path.Combine(exported, "statuses.csv");
            await File.AppendAllTextAsync(statuses, "x");
            (await VerifyProof.RunAsync("release", key, exported)).Error.ShouldContain("statuses.csv is not the file");
            await File.WriteAllBytesAsync(statuses, files["statuses.csv"]);
            var events = Encoding.UTF8.GetString(files["events.jsonl"]).Replace("\"ceasefire\"", "\"framework-partial\"");
            events.ShouldNotBe(Encoding.UTF8.GetString(files["events.jsonl"]));
            await File.WriteAllTextAsync(Path.Combine(exported, "events.jsonl"), events);
            var edited = JsonNode.Parse(files["manifest.json"])!;
            var entry = edited["files"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "events.jsonl")!;
            entry["sha256"] = Sha256(Encoding.UTF8.GetBytes(events));
            entry["bytes"] = Encoding.UTF8.GetByteCount(events);
            await File.WriteAllTextAsync(Path.Combine(exported, "manifest.json"), edited.ToJsonString());
            var forged = await VerifyProof.RunAsync("release", key, exported);
            forged.Code.ShouldBe(1);
            forged.Error.ShouldContain("the Merkle root of events.jsonl is not the signed root");
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task The_diff_between_two_releases_names_every_development_added_corrected_and_retracted()
    {
        var (first, firstStage) = await ProposedAndStagedAsync();
        (await FreezeAsync(new { name = "v1" })).ShouldBe(HttpStatusCode.Created);

        (await app.Post($"/api/understandings/{first}/lifecycle", new ChangeLifecycle(Lifecycle.UnderNegotiation, null, Given.Reported(), 2))).ShouldBe(HttpStatusCode.OK);
        var lifecycleEvent = (await app.StreamOf(first))[2].Id;
        var replacement = new UnderstandingStageChanged(first, PaxStage.FrameworkPartial, Given.Reported());
        (await app.Post($"/api/developments/{firstStage}/correction", new { reason = "It was a framework", replacement })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/developments/{lifecycleEvent}/retraction", new RetractDevelopment("Misread the report"))).ShouldBe(HttpStatusCode.OK);
        var second = (await app.Post("/api/understandings", Given.DemilitarisedZone() with { Title = "Trilateral oversight" })).ShouldBe(HttpStatusCode.Created).Id;
        (await FreezeAsync(new { name = "v2" })).ShouldBe(HttpStatusCode.Created);

        using var auditor = app.Client(TestKeys.Auditor);
        var diff = JsonNode.Parse(await auditor.GetStringAsync("/api/audit/releases/v2/diff?since=v1"))!;
        diff["fromTreeSize"]!.GetValue<long>().ShouldBe(2);
        diff["toTreeSize"]!.GetValue<long>().ShouldBe(7);
        var changes = diff["changes"]!.AsArray().Select(c => c!).ToList();
        changes.Select(c => c["change"]!.GetValue<string>()).ShouldBe(["added", "corrected", "retracted", "added"]);
        (diff["added"]!.GetValue<int>(), diff["corrected"]!.GetValue<int>(), diff["retracted"]!.GetValue<int>()).ShouldBe((2, 1, 1));

        changes[0]["eventId"]!.GetValue<Guid>().ShouldBe(lifecycleEvent);
        changes[0]["sources"]![0]!["name"]!.GetValue<string>().ShouldBe("Syrian foreign ministry");
        var corrected = changes[1]["corrects"]!;
        corrected["eventId"]!.GetValue<Guid>().ShouldBe(firstStage);
        corrected["replacementSequence"]!.GetValue<long>().ShouldBe(5); // the replacement is the corrected development, not one added
        changes[1]["wasReleased"]!.GetValue<bool>().ShouldBeTrue();
        changes[2]["corrects"]!["eventId"]!.GetValue<Guid>().ShouldBe(lifecycleEvent);
        changes[2]["wasReleased"]!.GetValue<bool>().ShouldBeFalse();
        changes[3]["streamId"]!.GetValue<Guid>().ShouldBe(second);

        (await auditor.GetStringAsync("/api/audit/releases/v2/diff?since=v2")).ShouldContain("\"changes\":[]");
        (await app.Get("/api/audit/releases/v1/diff?since=v2")).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("since").ShouldBeTrue();
        (await app.Get("/api/audit/releases/v2/diff")).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("since").ShouldBeTrue();
        (await app.Get("/api/audit/releases/v2/diff?since=v0")).ShouldBeProblem(HttpStatusCode.NotFound).Detail!.ShouldContain("v0");
        (await app.Get("/api/audit/releases/v3/diff?since=v1")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_bad_freeze_is_refused_with_its_reason_and_freezes_nothing()
    {
        (await FreezeAsync(new { name = "empty" })).ShouldBeProblem(HttpStatusCode.Conflict).Body!["title"]!.GetValue<string>().ShouldBe("Nothing to release");
        await ProposedAndStagedAsync();

        (await FreezeAsync(new { name = "../etc" })).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("name").ShouldBeTrue();
        (await FreezeAsync(new { notes = "no name" })).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("name").ShouldBeTrue();
        (await FreezeAsync(new { name = "v1", notes = new string('n', 4001) })).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("notes").ShouldBeTrue();
        (await FreezeAsync(new { name = "v1", treeSize = 0 })).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("treeSize").ShouldBeTrue();
        (await FreezeAsync(new { name = "v1", treeSize = 99 })).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!["treeSize"]![0]!.GetValue<string>().ShouldContain("99");
        (await app.PostRaw("/api/audit/releases", "{\"name\": ")).ShouldBeProblem(HttpStatusCode.BadRequest);
        (await app.Post("/api/audit/releases", new { name = "v1" }, new Dictionary<string, string> { ["Authorization"] = $"Bearer {TestKeys.Monitor}" }))
            .ShouldBe(HttpStatusCode.Forbidden);
        (await app.Get("/api/audit/releases/v1")).ShouldBeProblem(HttpStatusCode.NotFound);

        // A release at an earlier signed checkpoint, then the name again: refused, the first stands.
        (await app.Post("/api/audit/checkpoints", new { })).ShouldBe(HttpStatusCode.OK);
        await ProposedAndStagedAsync("Another");
        (await FreezeAsync(new { name = "v1", treeSize = 2 })).ShouldBe(HttpStatusCode.Created).Body!["sequence"]!.GetValue<long>().ShouldBe(2);
        (await FreezeAsync(new { name = "v1" })).ShouldBeProblem(HttpStatusCode.Conflict).Detail!.ShouldContain("tree size 2");
        (await app.Get("/api/audit/releases")).Body!.AsArray().Select(r => r!["treeSize"]!.GetValue<long>()).ShouldBe([2L]);
    }
}
