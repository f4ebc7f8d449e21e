using System.Diagnostics;
using System.Net;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using Marten.Services;
using Negotiations.ReadModels.Status;
using Negotiations.Tests.Support;
using Negotiations.ReadModels.Timeline;
using Negotiations.Understandings;
using Npgsql;
using Xunit.Abstractions;

namespace Negotiations.Tests.Resilience;

/// <summary>
/// Sequence numbers are taken before a transaction commits, so the event table has holes: those of
/// transactions that rolled back, and those of a transaction still open. The async projections must
/// skip the first kind and wait for the second, however long it stays open.
/// </summary>
public class SequenceGapTests(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private const int RolledBack = 5;

    [Fact]
    public async Task Projections_skip_rolled_back_gaps_and_wait_for_a_transaction_held_open_past_the_stale_threshold()
    {
        var rolledBackOn = await Propose();
        var heldOn = await Propose();
        var busy = await Propose();
        var busyVersion = 1L;

        // Appends that take sequence numbers and then roll back: permanent holes.
        for (var i = 0; i < RolledBack; i++)
        {
            await using var transaction = await Transaction.BeginAsync();
            await transaction.AppendAsync(app.Store, rolledBackOn, PaxStage.Ceasefire);
            await transaction.RollbackAsync();
            (busyVersion, _) = await ChangeStage(busy, busyVersion);
        }

        // An append whose transaction stays open while others commit after it.
        await using var held = await Transaction.BeginAsync();
        var heldSequence = await held.AppendAsync(app.Store, heldOn, PaxStage.FrameworkPartial);
        var daemon = ((StoreOptions)app.Store.Options).Projections;
        var threshold = daemon.StaleSequenceThreshold;
        var holdFor = 2 * threshold + 2 * daemon.SlowPollingTime;
        var clock = Stopwatch.StartNew();
        var appendedWhileHeld = 0;
        long highWaterMark = 0;
        while (clock.Elapsed < holdFor)
        {
            (busyVersion, _) = await ChangeStage(busy, busyVersion);
            appendedWhileHeld++;
            highWaterMark = await HighWaterMarkAsync();
            if (highWaterMark >= heldSequence) break; // the daemon went past an open transaction: its event is lost to the projections
        }
        var heldFor = clock.Elapsed;
        await held.CommitAsync();
        clock.Restart();
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var caughtUp = clock.Elapsed;

        await using var session = app.Store.QuerySession();
        var developments = await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName != "tombstone").Select(e => e.Id).ToListAsync();
        var entries = (await session.Query<TimelineEntry>().Select(t => t.Id).ToListAsync()).ToHashSet();
        var missedByTimeline = developments.Count(id => !entries.Contains(id));
        var statusesBehind = 0;
        foreach (var id in new[] { rolledBackOn, heldOn, busy })
        {
            var status = await session.LoadAsync<UnderstandingStatus>(id);
            if (status?.Understanding?.Version != (await app.StreamOf(id)).Count) statusesBehind++;
        }
        var heldStage = (await session.LoadAsync<UnderstandingStatus>(heldOn))?.Understanding?.Stage;
        var gaps = await GapsAsync();

        output.WriteLine($"sequence gaps: {RolledBack} rolled-back appends, one append held open {heldFor.TotalSeconds:F1} s (stale threshold {threshold.TotalSeconds:F0} s) at sequence {heldSequence} while {appendedWhileHeld} commands committed after it");
        output.WriteLine($"  holes left in the sequence {gaps}; highest high-water mark seen while held {highWaterMark} (held sequence {heldSequence})");
        output.WriteLine($"  projections caught up {caughtUp.TotalSeconds:F1} s after the held transaction committed");
        output.WriteLine($"  committed developments {developments.Count}, missed by the timeline {missedByTimeline}, understanding statuses behind their stream {statusesBehind}");

        highWaterMark.ShouldBeLessThan(heldSequence, "the daemon skipped the sequence of a transaction that was still open");
        heldFor.ShouldBeGreaterThan(threshold);
        gaps.ShouldBeGreaterThanOrEqualTo(RolledBack);
        missedByTimeline.ShouldBe(0);
        statusesBehind.ShouldBe(0);
        heldStage.ShouldBe(PaxStage.FrameworkPartial);
    }

    private async Task<Guid> Propose() => (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created).Id;

    private async Task<(long Version, PaxStage Stage)> ChangeStage(Guid id, long version)
    {
        var stage = version % 2 == 0 ? PaxStage.Ceasefire : PaxStage.Implementation;
        (await app.Post($"/api/understandings/{id}/stage", new ChangeStage(stage, Given.Reported(), version))).ShouldBe(HttpStatusCode.OK);
        return (version + 1, stage);
    }

    private async Task<long> HighWaterMarkAsync()
    {
        var progress = await app.Store.Advanced.AllProjectionProgress();
        return progress.FirstOrDefault(p => p.ShardName == ShardState.HighWaterMark)?.Sequence ?? 0;
    }

    /// <summary>Sequence numbers below the highest that no event holds.</summary>
    private async Task<long> GapsAsync()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select max(seq_id) - count(*) from \"{app.Schema}\".mt_events", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>A PostgreSQL transaction of its own in which Marten appends, so that the test decides when (and whether) it commits.</summary>
    private sealed class Transaction(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public static async Task<Transaction> BeginAsync()
        {
            var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
            await connection.OpenAsync();
            return new Transaction(connection, await connection.BeginTransactionAsync());
        }

        /// <summary>Appends a stage change through Marten inside the open transaction; its global sequence.</summary>
        public async Task<long> AppendAsync(IDocumentStore store, Guid understanding, PaxStage stage)
        {
            await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction));
            var appended = session.Events.Append(understanding, new UnderstandingStageChanged(understanding, stage, Given.Reported()));
            await session.SaveChangesAsync();
            await using var read = new NpgsqlCommand($"select seq_id from \"{store.Options.Events.DatabaseSchemaName}\".mt_events where id = @id", connection, transaction);
            read.Parameters.AddWithValue("id", appended.Events.Single().Id);
            return Convert.ToInt64(await read.ExecuteScalarAsync());
        }

        public Task CommitAsync() => transaction.CommitAsync();

        public Task RollbackAsync() => transaction.RollbackAsync();

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
