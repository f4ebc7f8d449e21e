using JasperFx.Events.Projections;
using Marten;
using Negotiations.Kernel;

namespace Negotiations.Incidents;

/// <summary>The incident, kept inline: a read answers at once after the report.</summary>
public sealed class IncidentsRegistration : IStoreRegistration
{
    public void Register(StoreOptions options) => options.Projections.Add<IncidentProjection>(ProjectionLifecycle.Inline);
}
