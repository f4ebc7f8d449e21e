using JasperFx.Events;
using Marten;
using Marten.Linq.MatchesSql;
using Negotiations.ReadModels.Links;

namespace Negotiations.ReadModels.Status;

/// <summary>
/// The status of an understanding on either time axis, folded from the events themselves with the same
/// Include as the live projection: only developments that occurred by <c>asOf</c> (counted from the first
/// day they may have happened) and only events recorded by <c>knownAt</c> (or, for a release, up to the sequence <c>through</c>).
/// A long history is not replayed per request: the fold starts from the latest checkpoint that serves the
/// request (see <see cref="CheckpointPlan"/>) and reads only the events after it that may count. The trail of
/// checkpoints is a cache written the first time a request finds enough events after its last mark.
/// </summary>
public static class StatusHistory
{
    /// <summary>Checkpoints are only valid for the code that folded them.</summary>
    public static readonly string Build = typeof(UnderstandingStatus).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public static Task<UnderstandingStatus?> FoldAsync(IQuerySession session, Guid understandingId, DateOnly? asOf, DateTimeOffset? knownAt, CancellationToken cancellation) =>
        FoldAsync(session, understandingId, asOf, knownAt, null, cancellation);

    public static async Task<UnderstandingStatus?> FoldAsync(IQuerySession session, Guid understandingId, DateOnly? asOf, DateTimeOffset? knownAt, long? through, CancellationToken cancellation)
    {
        // The linked streams and the trail of checkpoints in one round trip.
        var batch = session.CreateBatchQuery();
        var linked = LinkedStreams.Of(batch, understandingId);
        var cut = batch.Load<StatusTrail>(understandingId);
        await batch.Execute(cancellation);
        var streams = await linked;
        if (streams.Count == 0) return null;

        var trail = await cut is { } stored && stored.Build == Build && stored.Versions.Keys.All(streams.Contains)
            ? stored
            : Empty(understandingId);
        var head = await ReadAsync(session, streams.Select(s => new VersionRange(s, trail.Versions.GetValueOrDefault(s), null)), cancellation);
        if (head.Count > 0 && head[0].Sequence <= trail.Sequence)
        {
            // An event committed after the trail was cut, with a sequence inside it: the trail no longer matches the events.
            trail = Empty(understandingId);
            head = await ReadAsync(session, Whole(streams), cancellation);
        }
        if (head.Count >= CheckpointPlan.Gap) head = await ExtendAsync(session, trail, head, cancellation);

        var plan = CheckpointPlan.For(trail, asOf, knownAt, through);
        var start = plan.Start is { } mark ? await session.LoadAsync<StatusCheckpoint>(StatusCheckpoint.IdOf(understandingId, mark.Ordinal), cancellation) : null;
        if (plan.Start is not null && start?.Build != Build) return await FoldAsync(session, understandingId, asOf, knownAt, through, streams, cancellation);

        var counts = Counts(asOf, knownAt, through);
        var events = (await ReadAsync(session, plan.Reads, cancellation)).Concat(head).Where(counts).OrderBy(e => e.Sequence).ToList();
        var takenBack = await TakenBackStreams.ReadAsync(session, events, counts, cancellation);
        return Fold(start?.Status ?? new UnderstandingStatus { Id = understandingId }, events, asOf, takenBack);
    }

    /// <summary>Every event of the streams that concern the understanding, recorded by <c>knownAt</c>, in order; null when none concerns it.</summary>
    public static async Task<IReadOnlyList<IEvent>?> EventsAsync(IQuerySession session, Guid understandingId, DateTimeOffset? knownAt, CancellationToken cancellation)
    {
        var streams = await LinkedStreams.OfAsync(session, understandingId, cancellation);
        if (streams.Count == 0) return null;
        return (await ReadAsync(session, Whole(streams), cancellation)).Where(e => knownAt is null || e.Timestamp <= knownAt).ToList();
    }

    /// <summary>Pure: the status folded from the events (in sequence order), counting developments that occurred by <c>asOf</c>.</summary>
    public static UnderstandingStatus Fold(Guid understandingId, IReadOnlyList<IEvent> events, DateOnly? asOf)
    {
        var counts = Counts(asOf, null, null);
        return Fold(new UnderstandingStatus { Id = understandingId }, events, asOf, TakenBackStreams.From(events, counts));
    }

    private static UnderstandingStatus Fold(UnderstandingStatus status, IEnumerable<IEvent> events, DateOnly? asOf, IReadOnlyDictionary<Guid, IReadOnlyList<IEvent>> takenBack)
    {
        foreach (var e in events)
            if (asOf is null || CheckpointPlan.OccurredFrom(e) <= asOf)
                status.Include(e, takenBack.GetValueOrDefault(e.Id));
        return status;
    }

    /// <summary>Whether an event counts on both axes: a development that occurred by asOf (from its first possible day), recorded by knownAt and through.</summary>
    public static Func<IEvent, bool> Counts(DateOnly? asOf, DateTimeOffset? knownAt, long? through) => e =>
        (asOf is null || CheckpointPlan.OccurredFrom(e) <= asOf) && (knownAt is null || e.Timestamp <= knownAt) && (through is null || e.Sequence <= through);

    /// <summary>Without checkpoints: every event of the streams, read and folded.</summary>
    private static async Task<UnderstandingStatus> FoldAsync(IQuerySession session, Guid understandingId, DateOnly? asOf, DateTimeOffset? knownAt, long? through, IReadOnlyCollection<Guid> streams, CancellationToken cancellation)
    {
        var events = await ReadAsync(session, Whole(streams), cancellation);
        return Fold(understandingId, events.Where(Counts(null, knownAt, through)).ToList(), asOf);
    }

    /// <summary>Cuts marks in the events after the trail's last one, keeping the status at each; answers the events after the new last mark.</summary>
    private static async Task<List<IEvent>> ExtendAsync(IQuerySession session, StatusTrail trail, List<IEvent> head, CancellationToken cancellation)
    {
        var status = trail.Marks.Count == 0
            ? new UnderstandingStatus { Id = trail.Id }
            : (await session.LoadAsync<StatusCheckpoint>(StatusCheckpoint.IdOf(trail.Id, trail.Marks[^1].Ordinal), cancellation))?.Status;
        if (status is null) return head;

        var takenBack = await TakenBackStreams.ReadAsync(session, head, _ => true, cancellation);
        await using var writer = session.DocumentStore.LightweightSession();
        foreach (var (mark, folded) in CheckpointTrail.Extend(trail, status, head, takenBack))
        {
            // Saved at once: the status goes on folding after this mark.
            writer.Store(new StatusCheckpoint { Id = StatusCheckpoint.IdOf(trail.Id, mark.Ordinal), UnderstandingId = trail.Id, Build = Build, Ordinal = mark.Ordinal, Status = folded });
            await writer.SaveChangesAsync(cancellation);
        }
        writer.Store(trail);
        await writer.SaveChangesAsync(cancellation);
        return head.Where(e => e.Sequence > trail.Sequence).ToList();
    }

    private static IEnumerable<VersionRange> Whole(IEnumerable<Guid> streams) => streams.Select(s => new VersionRange(s, 0, null));

    private static StatusTrail Empty(Guid understandingId) => new() { Id = understandingId, Build = Build };

    /// <summary>The events of the given version ranges, in sequence order, read through the (stream, version) index.</summary>
    private static async Task<List<IEvent>> ReadAsync(IQuerySession session, IEnumerable<VersionRange> ranges, CancellationToken cancellation)
    {
        var events = new List<IEvent>();
        foreach (var chunk in ranges.Chunk(500))
        {
            var clauses = new List<string>();
            var parameters = new List<object>();
            foreach (var range in chunk)
            {
                clauses.Add(range.Through is null ? "(stream_id = ? and version > ?)" : "(stream_id = ? and version > ? and version <= ?)");
                parameters.Add(range.StreamId);
                parameters.Add(range.After);
                if (range.Through is { } through) parameters.Add(through);
            }
            events.AddRange(await session.Events.QueryAllRawEvents()
                .Where(e => e.MatchesSql(string.Join(" or ", clauses), parameters.ToArray()))
                .ToListAsync(cancellation));
        }
        return events.OrderBy(e => e.Sequence).ToList();
    }
}
