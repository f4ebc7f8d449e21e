using Marten;
using Negotiations.Kernel;

namespace Negotiations.Casualties;

public sealed class CasualtiesRegistration : IStoreRegistration
{
    public void Register(StoreOptions options) => options.KeepInline(new CasualtyClaimProjection(), new CasualtyClaimDetailsProjection());
}
