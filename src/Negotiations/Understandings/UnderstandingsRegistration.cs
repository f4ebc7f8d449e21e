using JasperFx.Events.Projections;
using Marten;
using Negotiations.Kernel;

namespace Negotiations.Understandings;

/// <summary>The understanding's write model, kept inline: commands load it in one read, in the transaction that appends.</summary>
public sealed class UnderstandingsRegistration : IStoreRegistration
{
    public void Register(StoreOptions options) => options.Projections.Add<UnderstandingProjection>(ProjectionLifecycle.Inline);
}
