using Negotiations.Operations.Audit;

namespace Negotiations.Tests.Audit;

/// <summary>
/// Each test edits the tables with raw SQL, as someone with access to the database would, and verify names
/// what was done and where. The store: 4 understandings of 4 events each (sequences 1-8 and 10-17), with
/// sequence 9 drawn by a transaction that rolled back.
/// </summary>
[Collection(nameof(AuditChainCollection))]
public class ChainTamperTests(AuditFixture app) : IAsyncLifetime
{
    private const long Gap = 9;
    private string Events => app.Log.Events;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        await app.AppendAsync(2, 4);
        (await app.RolledBackAppendAsync()).ShouldBe(Gap);
        await app.AppendAsync(2, 4);
        var head = await app.Writer().CatchUpAllAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        head.Sequence.ShouldBe(17);
        head.Position.ShouldBe(16);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static void ShouldBeTampered(VerifyReport report, long firstBad, params string[] kinds)
    {
        report.Status.ShouldBe("tampered");
        report.FirstBadSequence.ShouldBe(firstBad);
        report.Findings.Select(f => f.Kind).ShouldBe(kinds);
    }

    [Fact]
    public async Task A_clean_store_with_a_sequence_gap_verifies_clean()
    {
        var report = await app.VerifyAsync();

        report.Status.ShouldBe("clean", string.Join("; ", report.Findings.Select(f => f.Detail)));
        report.FirstBadSequence.ShouldBeNull();
        report.EventsChecked.ShouldBe(16);
        report.GapCount.ShouldBe(1);
        report.MissingSequences.ShouldBe(1);
        report.StoredCheckpointsChecked.ShouldBeGreaterThan(0);
        report.Unchained.ShouldBe(0);
    }

    [Fact]
    public async Task An_edited_payload_is_named()
    {
        await app.SqlAsync($"update {Events} set data = jsonb_set(data, '{{stage}}', '\"implementation\"') where seq_id = 6");

        ShouldBeTampered(await app.VerifyAsync(), 6, "altered", "checkpoint-mismatch", "checkpoint-mismatch");
    }

    [Fact]
    public async Task A_deleted_row_is_named()
    {
        await app.SqlAsync($"delete from {Events} where seq_id = 3");

        var report = await app.VerifyAsync();
        report.FirstBadSequence.ShouldBe(3);
        report.Findings[0].Kind.ShouldBe("deleted");
        report.Findings.Where(f => f.Kind != "checkpoint-mismatch").Count().ShouldBe(1);
    }

    [Fact]
    public async Task Two_reordered_rows_are_named()
    {
        await app.SqlAsync($"update {Events} e set data = o.data from {Events} o where (e.seq_id, o.seq_id) in ((11, 12), (12, 11))");

        var report = await app.VerifyAsync();
        report.FirstBadSequence.ShouldBe(11);
        report.Findings.Where(f => f.Kind == "altered").Select(f => f.Sequence).ShouldBe([11L, 12L]);
    }

    [Fact]
    public async Task A_forged_row_inserted_into_a_gap_is_named()
    {
        await app.SqlAsync(
            $"insert into {Events} (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type) " +
            $"select {Gap}, gen_random_uuid(), stream_id, 99, data, type, timestamp, mt_dotnet_type from {Events} where seq_id = 8");

        var report = await app.VerifyAsync();
        report.FirstBadSequence.ShouldBe(Gap);
        report.Findings[0].Kind.ShouldBe("inserted");
    }

    [Fact]
    public async Task A_truncated_tail_is_found_only_against_a_checkpoint_kept_outside()
    {
        var kept = (await app.VerifyAsync()).Head!;
        kept.Sequence.ShouldBe(17);

        // Whoever removes the tail removes its links and checkpoints too: the database agrees with itself.
        await app.SqlAsync($"delete from {Events} where seq_id > 14; delete from {app.Log.Chain} where seq_id > 14; delete from {app.Log.Checkpoints} where seq_id > 14");
        (await app.VerifyAsync()).Status.ShouldBe("clean");

        var report = await app.VerifyAsync(kept);
        ShouldBeTampered(report, 15, "truncated");
        report.Findings[0].Detail.ShouldContain("ends at sequence 14");
    }

    [Fact]
    public async Task A_rewritten_chain_is_found_against_a_checkpoint_kept_outside()
    {
        var kept = (await app.VerifyAsync()).Head!;

        // Edit an event, then recompute every link, leaf and checkpoint after it: the stored chain agrees again.
        await app.SqlAsync($"update {Events} set data = jsonb_set(data, '{{stage}}', '\"implementation\"') where seq_id = 6; truncate {app.Log.Chain}, {app.Log.Checkpoints}, {app.Log.Tree}");
        await app.Writer().CatchUpAllAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        (await app.VerifyAsync()).Status.ShouldBe("clean");

        ShouldBeTampered(await app.VerifyAsync(kept), 17, "checkpoint-mismatch");
    }

    [Fact]
    public async Task The_chain_never_passes_a_sequence_whose_transaction_is_still_open()
    {
        // A slow transaction draws sequence 18 and writes its event; a quick one appends 19 and commits first.
        await using var slow = new Npgsql.NpgsqlConnection(Support.TestDatabase.ConnectionString);
        await slow.OpenAsync();
        await using var transaction = await slow.BeginTransactionAsync();
        await using (var insert = new Npgsql.NpgsqlCommand(
            $"insert into {Events} (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type) " +
            $"select nextval('\"{app.Schema}\".mt_events_sequence'), gen_random_uuid(), stream_id, 5, data, type, now(), mt_dotnet_type from {Events} where seq_id = 17", slow))
            (await insert.ExecuteNonQueryAsync()).ShouldBe(1);
        await app.AppendAsync(1, 1);
        (await app.ScalarAsync($"select max(seq_id) from {Events}")).ShouldBe(19);

        var writer = app.Writer(graceMilliseconds: 0);
        (await writer.CatchUpAsync(CancellationToken.None)).Sequence.ShouldBe(17);
        (await writer.CatchUpAsync(CancellationToken.None)).Sequence.ShouldBe(17);
        (await app.VerifyAsync()).Unchained.ShouldBe(1);

        await transaction.CommitAsync();
        var head = await writer.CatchUpAllAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        head.Sequence.ShouldBe(19);
        var report = await app.VerifyAsync();
        report.Status.ShouldBe("clean");
        report.GapCount.ShouldBe(1); // only the rolled-back 9
    }
}

[CollectionDefinition(nameof(AuditChainCollection))]
public class AuditChainCollection : ICollectionFixture<AuditFixture>;
