using System.Buffers;
using System.Diagnostics;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.Operations.Audit;
using Negotiations.Tests.Support;
using Negotiations.Understandings;
using Npgsql;
using Xunit.Abstractions;

namespace Negotiations.Tests.Audit;

/// <summary>
/// How fast the chain is written, verified and exported, on events bulk-appended into a throwaway schema.
/// A measurement, not part of the normal run: it runs only when NEGOTIATIONS_MEASURE_EVENTS is set, e.g.
///   NEGOTIATIONS_MEASURE_EVENTS=100000 dotnet test -c Release tests/Negotiations.Tests --filter VerifyRateMeasurement --logger "console;verbosity=detailed"
/// </summary>
public class VerifyRateMeasurement(ITestOutputHelper output)
{
    [Fact]
    public async Task Chain_verify_and_export_rates()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("NEGOTIATIONS_MEASURE_EVENTS"), out var total)) return;
        await using var app = new AuditFixture();
        await app.InitializeAsync();
        try
        {
            const int perStream = 10;
            var watch = Stopwatch.StartNew();
            var registry = (IEventRegistry)((StoreOptions)app.Store.Options).Events;
            for (var done = 0; done < total; done += 10_000)
            {
                var streams = Enumerable.Range(0, Math.Min(10_000, total - done) / perStream).Select(_ =>
                {
                    var id = Guid.CreateVersion7();
                    return StreamAction.Start(registry, id, Enumerable.Range(0, perStream).Select(v => v == 0
                        ? (object)new UnderstandingProposed(id, "Understanding", UnderstandingKind.DemilitarisedZone, [new Party("Syria", PartyRole.Party)], PaxStage.PreNegotiation, Given.Reported())
                        : new UnderstandingStageChanged(id, PaxStage.Ceasefire, Given.Reported())).ToArray());
                }).ToList();
                await app.Store.BulkInsertEventsAsync(streams);
            }
            await app.SqlAsync($"analyze {app.Log.Events}");
            output.WriteLine($"bulk append: {total} events in {watch.Elapsed.TotalSeconds:0.0} s ({total / watch.Elapsed.TotalSeconds:0} events/s)");

            watch.Restart();
            var writer = app.Host.Services.GetRequiredService<ChainWriter>();
            var head = await writer.CatchUpAllAsync(TimeSpan.FromMinutes(10), CancellationToken.None);
            head.Position.ShouldBe(total);
            output.WriteLine($"chain written: {total} links in {watch.Elapsed.TotalSeconds:0.0} s ({total / watch.Elapsed.TotalSeconds:0} events/s)");

            var rawRead = await RawReadAsync(app);
            output.WriteLine($"raw sequential read of mt_events (every column, as the benchmark harness reads it): {rawRead:0} rows/s");

            var before = GC.GetTotalAllocatedBytes();
            var report = await app.VerifyAsync();
            report.Status.ShouldBe("clean");
            report.EventsChecked.ShouldBe(total);
            output.WriteLine($"verify: {report.EventsChecked} events in {report.Seconds:0.00} s ({report.EventsPerSecond:0} events/s, " +
                             $"{report.EventsPerSecond / rawRead:P0} of the raw read), " +
                             $"working set {Environment.WorkingSet / 1048576} MB, allocated {(GC.GetTotalAllocatedBytes() - before) / 1048576} MB");

            output.WriteLine(await HashingOnlyAsync(app));

            watch.Restart();
            var exports = app.Host.Services.GetRequiredService<Exports>();
            var counter = new CountingStream();
            var lines = await exports.WriteEventsAsync(counter, new EventFilter(), CancellationToken.None);
            lines.ShouldBe(total);
            output.WriteLine($"export: {lines} lines, {counter.Length / 1048576} MB in {watch.Elapsed.TotalSeconds:0.00} s " +
                             $"({lines / watch.Elapsed.TotalSeconds:0} events/s), working set {Environment.WorkingSet / 1048576} MB");
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>
    /// The client's share: canonicalising and hashing 50,000 stored events in memory, as verify does (UTF-8 bytes,
    /// reused buffers) and as it did before (parse, sort, re-serialise, then hash the frame).
    /// </summary>
    private static async Task<string> HashingOnlyAsync(AuditFixture app)
    {
        var rows = new List<(long Sequence, byte[] StreamId, long Version, byte[] Type, byte[] Data, long Recorded)>();
        await using (var connection = await app.Log.OpenAsync(CancellationToken.None))
        await using (var command = app.Log.ChainedEventsCommand(connection, 0, 50_000))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            var row = new ChainedEventRow();
            while (await reader.ReadAsync())
            {
                row.Read(reader);
                rows.Add((row.Sequence, row.StreamId.ToArray(), row.Version, row.Type.ToArray(), row.Data.ToArray(), row.RecordedMicroseconds));
            }
        }
        var hasher = new ChainHasher();
        var link = new byte[ChainHash.Size];
        var leaf = new byte[MerkleTree.HashSize]; // the writer and verify hash each event's Merkle leaf too
        foreach (var r in rows.Take(1000)) hasher.Link(link, r.Sequence, r.StreamId, r.Version, r.Type, r.Data, r.Recorded, link, leaf); // warm-up
        var before = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        foreach (var r in rows) hasher.Link(link, r.Sequence, r.StreamId, r.Version, r.Type, r.Data, r.Recorded, link, leaf);
        var now = clock.Elapsed.TotalSeconds;
        var nowAllocated = GC.GetTotalAllocatedBytes() - before;
        before = GC.GetTotalAllocatedBytes();
        clock.Restart();
        var canonical = new System.Buffers.ArrayBufferWriter<byte>(4096);
        var frame = new System.Buffers.ArrayBufferWriter<byte>(4096);
        foreach (var r in rows)
        {
            // Before, the row's texts were read as strings (decoded from UTF-8), and the data parsed from one.
            canonical.ResetWrittenCount();
            CanonicalJsonTests.Definition(System.Text.Encoding.UTF8.GetString(r.Data), canonical);
            frame.ResetWrittenCount();
            frame.Write(link);
            frame.Write(BitConverter.GetBytes(r.Sequence));
            frame.Write(System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(r.StreamId)));
            frame.Write(System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(r.Type)));
            frame.Write(canonical.WrittenSpan);
            link = System.Security.Cryptography.SHA256.HashData(frame.WrittenSpan);
        }
        var then = clock.Elapsed.TotalSeconds;
        var thenAllocated = GC.GetTotalAllocatedBytes() - before;
        return $"hashing only, in memory, {rows.Count} events: {rows.Count / now:0} events/s ({now * 1e6 / rows.Count:0.0} µs, {nowAllocated / rows.Count} B allocated per event); " +
               $"parse, sort and re-serialise as before: {rows.Count / then:0} events/s ({then * 1e6 / rows.Count:0.0} µs, {thenAllocated / rows.Count} B per event)";
    }

    /// <summary>The read limit, as the benchmark harness measures it: every column in sequence order, nothing deserialised.</summary>
    private static async Task<double> RawReadAsync(AuditFixture app)
    {
        await using var connection = await app.Log.OpenAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();
        await using var command = new NpgsqlCommand(
            "select seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, causation_id, headers, user_name, is_archived " +
            $"from {app.Log.Events} order by seq_id", connection) { CommandTimeout = 600 };
        await using var reader = await command.ExecuteReaderAsync();
        long rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            _ = reader.GetString(4);
            _ = reader.GetInt64(0); _ = reader.GetGuid(1); _ = reader.GetGuid(2); _ = reader.GetString(5); _ = reader.GetFieldValue<DateTimeOffset>(6);
        }
        return rows / clock.Elapsed.TotalSeconds;
    }

    private sealed class CountingStream : Stream
    {
        private long length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => length;
        public override long Position { get => length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => length += count;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
