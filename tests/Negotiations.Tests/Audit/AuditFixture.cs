using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Negotiations.Operations.Audit;
using Negotiations.Tests.Support;
using Negotiations.Understandings;
using Npgsql;

namespace Negotiations.Tests.Audit;

/// <summary>
/// The application with its background chain writer off, so that each test decides when the chain is extended,
/// and raw SQL as an attacker with access to the database would write it. No async daemon: these tests read the
/// log, not the projections, and each one empties the store, which a running daemon would take for a rival.
/// </summary>
public sealed class AuditFixture : AppFixture
{
    /// <summary>The checkpoints' signing key in these tests (an Ed25519 seed: any 32 bytes).</summary>
    public static readonly string SigningKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public const string Origin = "negotiations.test/event-log";

    protected override void Configure(IWebHostBuilder builder) => builder
        .UseSetting("Audit:WriteChain", "false")
        .UseSetting("Negotiations:Daemon", "Disabled")
        .UseSetting("Audit:SigningKey", SigningKey)
        .UseSetting("Audit:Origin", Origin);

    public EventLog Log => Host.Services.GetRequiredService<EventLog>();
    public ChainVerifier Verifier => Host.Services.GetRequiredService<ChainVerifier>();
    public TreeNodes Tree => Host.Services.GetRequiredService<TreeNodes>();
    public CheckpointSigner Signer => Host.Services.GetRequiredService<CheckpointSigner>();

    /// <summary>A chain writer of the test's own (its memory of gaps starts empty).</summary>
    public ChainWriter Writer(int graceMilliseconds = 0, int checkpointEvery = 5, int batchSize = 7)
    {
        var settings = Options.Create(new AuditSettings
        {
            GapGraceMilliseconds = graceMilliseconds, CheckpointEvery = checkpointEvery, BatchSize = batchSize, SigningKey = SigningKey, Origin = Origin,
        });
        return new ChainWriter(Log, Tree, new CheckpointSigner(settings), settings, TimeProvider.System, NullLogger<ChainWriter>.Instance);
    }

    /// <summary>An empty store and an empty chain.</summary>
    public async Task ResetAsync()
    {
        // The async daemon may be writing its documents meanwhile; PostgreSQL then ends one side with a deadlock (40P01),
        // which the side that is told may simply retry.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Store.Advanced.ResetAllData();
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
            }
        }
        await Log.EnsureAsync(CancellationToken.None);
        await Log.EnsureReleasesAsync(CancellationToken.None);
        await SqlAsync($"truncate {Log.Chain}, {Log.Checkpoints}, {Log.Tree}, {Log.Releases}; alter sequence \"{Schema}\".mt_events_sequence restart with 1");
    }

    /// <summary>Streams of understandings, each proposed and then moved along, one transaction per event.</summary>
    public async Task AppendAsync(int streams, int eventsPerStream)
    {
        for (var s = 0; s < streams; s++)
        {
            var id = Guid.CreateVersion7();
            for (var v = 0; v < eventsPerStream; v++)
            {
                await using var session = Store.LightweightSession();
                object e = v == 0
                    ? new UnderstandingProposed(id, $"Understanding {s}", UnderstandingKind.DemilitarisedZone, [new Party("Syria", PartyRole.Party)], PaxStage.PreNegotiation, Given.Reported())
                    : new UnderstandingStageChanged(id, v % 2 == 0 ? PaxStage.Ceasefire : PaxStage.FrameworkPartial, Given.Reported());
                session.Events.Append(id, e);
                await session.SaveChangesAsync();
            }
        }
    }

    /// <summary>A transaction that draws a sequence number and rolls back: the gap Marten leaves by design.</summary>
    public async Task<long> RolledBackAppendAsync()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var next = new NpgsqlCommand($"select nextval('\"{Schema}\".mt_events_sequence')", connection);
        var drawn = (long)(await next.ExecuteScalarAsync())!;
        await transaction.RollbackAsync();
        return drawn;
    }

    public async Task SqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public Task<VerifyReport> VerifyAsync(params Checkpoint[] external) => Verifier.VerifyAsync(external, CancellationToken.None);
}
