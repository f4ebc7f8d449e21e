using JasperFx.Events.Projections;
using Marten;
using Negotiations.Kernel;

namespace Negotiations.Casualties;

/// <summary>
/// The claim's write model and its details, both kept inline: a command loads the write model in one read, in the
/// transaction that appends, and a read of the details answers at once after it.
/// </summary>
public sealed class CasualtiesRegistration : IStoreRegistration
{
    public void Register(StoreOptions options)
    {
        options.Projections.Add<CasualtyClaimProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<CasualtyClaimDetailsProjection>(ProjectionLifecycle.Inline);
    }
}
