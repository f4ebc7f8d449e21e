using Negotiations.Kernel;

namespace Negotiations.Appointments;

/// <summary>Keeps what readers see of an office, in the same transaction as its events (a read answers at once after a command).</summary>
public class OfficeDetailsProjection : StreamModelProjection<OfficeDetails>
{
    public OfficeDetailsProjection() => this.IncludeConceptOf<Office>();
}
