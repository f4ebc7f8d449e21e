using Marten;
using Negotiations.Kernel;

namespace Negotiations.Appointments;

public sealed class AppointmentsRegistration : IStoreRegistration
{
    public void Register(StoreOptions options) => options.KeepInline(new OfficeProjection(), new OfficeDetailsProjection());
}
