using Marten;
using Negotiations.Kernel;

namespace Negotiations.Rounds;

public sealed class RoundsRegistration : IStoreRegistration
{
    public void Register(StoreOptions options) => options.KeepInline(new RoundProjection(), new RoundDetailsProjection());
}
