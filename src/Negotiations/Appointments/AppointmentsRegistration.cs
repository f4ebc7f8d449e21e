using JasperFx.Events.Projections;
using Marten;
using Negotiations.Kernel;

namespace Negotiations.Appointments;

/// <summary>The write model, kept inline: commands load it in one read, in the transaction that appends.</summary>
public sealed class AppointmentsRegistration : IStoreRegistration
{
    public void Register(StoreOptions options) => options.Projections.Add<OfficeProjection>(ProjectionLifecycle.Inline);
}
