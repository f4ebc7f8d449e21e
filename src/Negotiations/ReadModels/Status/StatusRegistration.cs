using JasperFx.Events.Projections;
using Marten;
using Negotiations.Kernel;

namespace Negotiations.ReadModels.Status;

/// <summary>
/// The status folds many streams, so it runs in the async daemon (see UnderstandingStatusProjection); the overview's
/// columns are written with the inline documents they belong to; time-travel checkpoints are a cache written by
/// requests, not a projection (StatusHistory).
/// </summary>
public sealed class StatusRegistration : IStoreRegistration
{
    public void Register(StoreOptions options)
    {
        options.Projections.Add<UnderstandingStatusProjection>(ProjectionLifecycle.Async);
        OverviewColumns.Configure(options);
        StatusCheckpoint.ConfigureDocuments(options);
    }
}
