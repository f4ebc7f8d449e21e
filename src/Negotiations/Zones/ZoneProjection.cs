using JasperFx.Events;
using Marten.Events.Aggregation;
using Negotiations.Hosting;

namespace Negotiations.Zones;

/// <summary>Keeps the zone's write model as a document, in the same transaction as its events.</summary>
public partial class ZoneProjection : SingleStreamProjection<Zone, Guid>
{
    public ZoneProjection() => this.IncludeConceptOf<Zone>();

    public override Zone? Evolve(Zone? snapshot, Guid id, IEvent e) => Zone.Fold(snapshot, e);
}
