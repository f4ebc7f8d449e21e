using Marten;
using Negotiations.Kernel;
using Negotiations.Operations.Audit;

namespace Negotiations.Operations.Hosting;

/// <summary>The store's model: what every concept and read model registers beside its code, and the audit tables.</summary>
public static class EventStoreModel
{
    private static readonly IReadOnlyList<IStoreRegistration> Registrations = typeof(EventStoreModel).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IStoreRegistration).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IStoreRegistration)Activator.CreateInstance(t)!)
        .ToList();

    public static void ConfigureNegotiationsModel(this StoreOptions options)
    {
        // Corrections, withdrawals' assessments, cited events and the timeline load events by their id: without this
        // index each such load reads the whole event table (15 ms at 30k events, a Timeline rebuild's main cost).
        options.Events.EnableUniqueIndexOnEventId = true;

        foreach (var registration in Registrations) registration.Register(options);

        // The hash chain over the event log and its checkpoints (Operations/Audit).
        options.AddAuditTables();
    }
}
