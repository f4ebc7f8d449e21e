using JasperFx.Events.Projections;
using Marten;
using Negotiations.Audit;
using Negotiations.Appointments;
using Negotiations.Casualties;
using Negotiations.Commitments;
using Negotiations.Links;
using Negotiations.Mechanisms;
using Negotiations.Rounds;
using Negotiations.Status;
using Negotiations.Statements;
using Negotiations.Timeline;
using Negotiations.Understandings;
using Negotiations.Zones;

namespace Negotiations.Hosting;

/// <summary>Every stream type and projection the store knows, in one place.</summary>
public static class EventStoreModel
{
    public static void ConfigureNegotiationsModel(this StoreOptions options)
    {
        // Corrections, withdrawals' assessments, cited events and the timeline load events by their id: without this
        // index each such load reads the whole event table (15 ms at 30k events, a Timeline rebuild's main cost).
        options.Events.EnableUniqueIndexOnEventId = true;

        // Write models are snapshotted inline: commands load them in one read, in the same transaction that appends. So are
        // the read models of one stream (a round's, a mechanism's, a commitment's details): a read answers at once after a command.
        options.Projections.Add<UnderstandingProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<CommitmentProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<CommitmentDetailsProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<CasualtyClaimProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<RoundProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<RoundDetailsProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<StatementProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<ZoneProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<ZoneDetailsProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<MechanismProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<MechanismDetailsProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<OfficeProjection>(ProjectionLifecycle.Inline);

        // Which understandings each stream concerns: inline, so that it is there before any async projection routes by it.
        options.Projections.Add<StreamLinkProjection>(ProjectionLifecycle.Inline);
        StreamLinkProjection.ConfigureDocument(options);

        // Read models that fold many streams run in the async daemon (see each projection for why).
        options.Projections.Add<UnderstandingStatusProjection>(ProjectionLifecycle.Async);
        // The timeline: asynchronous, so that logging a development does not pay for a second document (see TimelineProjection).
        options.Projections.Add(new TimelineProjection(), ProjectionLifecycle.Async);
        TimelineProjection.ConfigureDocument(options);
        // Developments and timeline entries per week: for the overview and the timeline's total, without reading every event.
        options.Projections.Add<WeekTallyProjection>(ProjectionLifecycle.Async);
        // The columns the overview counts and filters on, written with the inline documents they belong to.
        OverviewColumns.Configure(options);
        // Checkpoints of the status for time travel: a cache written by requests, not a projection (StatusHistory).
        StatusCheckpoint.ConfigureDocuments(options);
        // The live feed reads up to the daemon's high-water mark, which the daemon keeps because these projections are async.

        // The hash chain over the event log and its checkpoints (Audit/).
        options.AddAuditTables();
    }
}
