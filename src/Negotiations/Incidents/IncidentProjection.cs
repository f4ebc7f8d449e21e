using Negotiations.Kernel;

namespace Negotiations.Incidents;

/// <summary>Keeps the incident as a document, in the same transaction as its event; a retraction folds its stream again as it stands.</summary>
public class IncidentProjection : StreamModelProjection<Incident>
{
    public IncidentProjection() => this.IncludeConceptOf<Incident>();
}
