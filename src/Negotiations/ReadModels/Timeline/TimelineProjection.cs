using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Negotiations.ReadModels.Timeline;

/// <summary>
/// One <see cref="TimelineEntry"/> per development and per retraction or correction. A retraction or
/// correction also marks the entry of the development it names as taken back.
/// <para>
/// Asynchronous (registered in Hosting/EventStoreModel.cs): run inline it would write a second document
/// in every command's transaction, doubling the write cost of logging a development; a timeline that lags
/// by a moment is fine, and every read says how fresh it is.
/// </para>
/// <para>
/// Deterministic: the entries depend only on the events and their metadata. The development's entry is
/// rebuilt from its own stored event (never read back from the entry documents), so it does not matter
/// whether the daemon wrote that entry in an earlier batch or holds it in the same one, as in a rebuild.
/// </para>
/// </summary>
public partial class TimelineProjection : EventProjection
{
    public const string ProjectionName = "Timeline";

    public TimelineProjection()
    {
        Name = ProjectionName;
        foreach (var type in TimelineEntries.EventTypes()) IncludeType(type);
        Options.DeleteViewTypeOnTeardown<TimelineEntry>();
    }

    public override async ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (TimelineEntries.TargetOf(e.Data) is { } targetId)
        {
            var target = await operations.Events.LoadAsync(targetId, cancellation);
            operations.Store(TimelineEntries.ForTakingBack(e, target));
            if (target?.Data is Negotiations.Kernel.IDevelopment)
                operations.Store(TimelineEntries.TakenBackBy(TimelineEntries.ForDevelopment(target), e));
        }
        else if (e.Data is Negotiations.Kernel.IDevelopment)
            operations.Store(TimelineEntries.ForDevelopment(e));
    }

    /// <summary>Columns for the timeline's filters and order, so its queries do not read every document.</summary>
    public static void ConfigureDocument(StoreOptions options) =>
        options.Schema.For<TimelineEntry>()
            .Duplicate(x => x.OccurredFrom)
            .Duplicate(x => x.Sequence)
            .Duplicate(x => x.Recorded)
            .Duplicate(x => x.StreamId)
            // The timeline's order: a page of it reads its rows in order, however many entries share a day.
            .Index([x => x.OccurredFrom, x => x.Sequence], index => index.Name = "mt_doc_timelineentry_idx_occurred_from_sequence");
}
