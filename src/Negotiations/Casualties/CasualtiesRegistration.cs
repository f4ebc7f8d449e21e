using JasperFx.Events.Projections;
using Marten;
using Negotiations.Kernel;

namespace Negotiations.Casualties;

/// <summary>The write model, kept inline: commands load it in one read, in the transaction that appends.</summary>
public sealed class CasualtiesRegistration : IStoreRegistration
{
    public void Register(StoreOptions options) => options.Projections.Add<CasualtyClaimProjection>(ProjectionLifecycle.Inline);
}
