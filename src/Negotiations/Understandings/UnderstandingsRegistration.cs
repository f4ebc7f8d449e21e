using Marten;
using Negotiations.Kernel;

namespace Negotiations.Understandings;

public sealed class UnderstandingsRegistration : IStoreRegistration
{
    public void Register(StoreOptions options) => options.KeepInline(new UnderstandingProjection(), new UnderstandingDetailsProjection());
}
