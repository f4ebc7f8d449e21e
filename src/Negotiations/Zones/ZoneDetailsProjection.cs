using Negotiations.Kernel;

namespace Negotiations.Zones;

/// <summary>Keeps what readers see of a zone, in the same transaction as its events (a read answers at once after a command).</summary>
public class ZoneDetailsProjection : StreamModelProjection<ZoneDetails>
{
    public ZoneDetailsProjection() => this.IncludeConceptOf<Zone>();
}
