using Marten;
using Negotiations.Kernel;

namespace Negotiations.Mechanisms;

public sealed class MechanismsRegistration : IStoreRegistration
{
    public void Register(StoreOptions options) => options.KeepInline(new MechanismProjection(), new MechanismDetailsProjection());
}
