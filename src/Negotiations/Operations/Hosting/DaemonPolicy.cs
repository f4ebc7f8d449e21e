using Marten;

namespace Negotiations.Operations.Hosting;

/// <summary>
/// What the async daemon does with sequence gaps and with events a projection cannot apply. Set
/// explicitly, not left to library defaults that have changed between versions; the reasons are in
/// Health/README.md.
/// </summary>
public static class DaemonPolicy
{
    public static void ConfigureDaemon(this StoreOptions options)
    {
        // A gap left by a transaction that is still open is waited for, however long it stays open; only a
        // gap whose transaction is proven gone (rolled back) is skipped after the stale threshold.
        options.Projections.UseTransactionEvidenceForGapSkipping = true;
        options.Projections.SkipStaleGapsDespiteLiveTransactionsAfter = null;

        // An event a projection cannot apply stops that projection where it is (visible in /health, and every
        // read of it says it is behind) instead of being dead-lettered and left out of the read model.
        foreach (var errors in new[] { options.Projections.Errors, options.Projections.RebuildErrors })
        {
            errors.SkipApplyErrors = false;
            errors.SkipSerializationErrors = false;
            errors.SkipUnknownEvents = false;
        }

        ConfigurePages(options);
    }

    /// <summary>
    /// Pages of 5,000 events instead of 500: a rebuild (and a catch-up) makes a tenth of the round trips for events,
    /// documents and progress (UnderstandingStatus rebuilds 1.6x faster; tests/Negotiations.Benchmarks/README.md,
    /// rebuild tuning). Marten's deferred rebuild flush and rebuild COPY were tried too and gave nothing consistent.
    /// After every projection is registered: it sets each one's options.
    /// </summary>
    private static void ConfigurePages(StoreOptions options)
    {
        foreach (var projection in options.Projections.All.OfType<JasperFx.Events.Projections.ProjectionBase>())
        {
            projection.Options.BatchSize = 5_000;
            projection.Options.MaximumHopperSize = 50_000;
        }
    }
}
