using Negotiations.Kernel;

namespace Negotiations.Zones;

/// <summary>Keeps the zone's write model as a document, in the same transaction as its events.</summary>
public class ZoneProjection : StreamModelProjection<Zone>
{
    public ZoneProjection() => this.IncludeConceptOf<Zone>();
}
