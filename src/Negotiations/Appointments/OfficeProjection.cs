using Negotiations.Kernel;

namespace Negotiations.Appointments;

/// <summary>Keeps the office's write model as a document, in the same transaction as its events.</summary>
public class OfficeProjection : StreamModelProjection<Office>
{
    public OfficeProjection() => this.IncludeConceptOf<Office>();
}
