using JasperFx.Events.Projections;
using Marten;
using Negotiations.Appointments;
using Negotiations.Mechanisms;
using Negotiations.Understandings;

namespace Negotiations.Hosting;

/// <summary>Every stream type and projection the store knows, in one place.</summary>
public static class EventStoreModel
{
    public static void ConfigureNegotiationsModel(this StoreOptions options)
    {
        // Write models are snapshotted inline: commands load them in one read, in the same transaction that appends.
        options.Projections.Add<UnderstandingProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<MechanismProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<OfficeProjection>(ProjectionLifecycle.Inline);
    }
}
