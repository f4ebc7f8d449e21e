using JasperFx.Events.Projections;
using Marten;
using Negotiations.Kernel;

namespace Negotiations.ReadModels.Timeline;

/// <summary>
/// The timeline and the weekly tallies, asynchronous: logging a development does not pay for their documents (see
/// TimelineProjection); the tallies give the overview and the timeline's total without reading every event.
/// </summary>
public sealed class TimelineRegistration : IStoreRegistration
{
    public void Register(StoreOptions options)
    {
        options.Projections.Add(new TimelineProjection(), ProjectionLifecycle.Async);
        TimelineProjection.ConfigureDocument(options);
        options.Projections.Add<WeekTallyProjection>(ProjectionLifecycle.Async);
    }
}
