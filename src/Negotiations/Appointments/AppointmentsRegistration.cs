using JasperFx.Events.Projections;
using Marten;
using Negotiations.Kernel;

namespace Negotiations.Appointments;

/// <summary>
/// The office's write model and its details, both kept inline: a command loads the write model in one read, in the
/// transaction that appends, and a read of the details answers at once after it.
/// </summary>
public sealed class AppointmentsRegistration : IStoreRegistration
{
    public void Register(StoreOptions options)
    {
        options.Projections.Add<OfficeProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<OfficeDetailsProjection>(ProjectionLifecycle.Inline);
    }
}
