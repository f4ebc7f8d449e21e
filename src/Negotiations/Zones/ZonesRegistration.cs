using Marten;
using Negotiations.Kernel;

namespace Negotiations.Zones;

public sealed class ZonesRegistration : IStoreRegistration
{
    public void Register(StoreOptions options) => options.KeepInline(new ZoneProjection(), new ZoneDetailsProjection());
}
