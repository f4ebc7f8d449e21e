using JasperFx.Events.Projections;
using Marten;
using Negotiations.Kernel;

namespace Negotiations.Zones;

/// <summary>
/// The zone's write model and its details, both kept inline: a command loads the write model in one read, in the
/// transaction that appends, and a read of the details answers at once after it.
/// </summary>
public sealed class ZonesRegistration : IStoreRegistration
{
    public void Register(StoreOptions options)
    {
        options.Projections.Add<ZoneProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<ZoneDetailsProjection>(ProjectionLifecycle.Inline);
    }
}
