using Negotiations.Kernel;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Negotiations.Appointments;

/// <summary>Keeps each office's holders as a document, in the same transaction as its events.</summary>
public partial class OfficeProjection : SingleStreamProjection<Office, Guid>
{
    public OfficeProjection() => this.IncludeConceptOf<Office>();

    public override Office? Evolve(Office? snapshot, Guid id, IEvent e) => Office.Fold(snapshot, e);
}
