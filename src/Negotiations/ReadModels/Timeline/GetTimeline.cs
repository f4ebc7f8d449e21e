using Negotiations.Kernel;
using System.ComponentModel;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.ReadModels.Links;
using System.Linq.Expressions;
using Marten.Services.BatchQuerying;
using Wolverine.Http;

namespace Negotiations.ReadModels.Timeline;

/// <summary>One page of the timeline, with how many entries match in all.</summary>
public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Entries, int Page, int PageSize, long Total, long PageCount);

public static class GetTimelineEndpoint
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>
    /// Every development in order of occurrence (first possible day, then the order recorded), with its
    /// retractions and corrections. Filters combine:
    /// understandingId (every stream that concerns it), party (any text of the development mentions it),
    /// concept (Rounds, Zones, ..., Corrections), source (a source's name contains it), from/to (the
    /// occurrence overlaps the dates), asOf (as it stood on that day: occurred on or before it), knownAt
    /// (as we knew it then: recorded up to that moment; a retraction or correction recorded later is not yet
    /// applied). Entries taken back are shown and flagged (takenBack); includeTakenBack=false leaves them
    /// out, with the retractions and corrections themselves, so that only what still counts remains.
    /// </summary>
    [WolverineGet("/api/timeline", OperationId = "GetTimeline"), Tags("Timeline")]
    [EndpointSummary("Read the timeline of developments, filtered, paged, as it stood on a day or as known at a moment")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<Fresh<TimelinePage>>, ProblemHttpResult>> Get(
        IQuerySession session, CancellationToken cancellation,
        [FromQuery] Guid? understandingId = null,
        [FromQuery] string? party = null,
        [FromQuery] string? concept = null,
        [FromQuery] string? source = null,
        [FromQuery, Description(TimeAxes.From)] DateOnly? from = null,
        [FromQuery, Description(TimeAxes.To)] DateOnly? to = null,
        [FromQuery, Description(TimeAxes.AsOf)] DateOnly? asOf = null,
        [FromQuery, Description(TimeAxes.KnownAt)] DateTimeOffset? knownAt = null,
        [FromQuery] bool? includeTakenBack = null,
        [FromQuery] int? page = null,
        [FromQuery] int? pageSize = null)
    {
        var query = new TimelineQuery(understandingId, party, concept, source, from, to, asOf, knownAt,
            includeTakenBack ?? true, page ?? 1, pageSize ?? DefaultPageSize);
        var problems = query.Validate();
        if (problems.Any) return TypedResults.Problem(problems.Invalid());

        await FreshnessReader.EnsureEventsAsync(session, cancellation);
        IReadOnlyCollection<Guid>? streams = null;
        Task<Freshness>? fresh = null;
        if (query.UnderstandingId is { } id)
        {
            var links = session.CreateBatchQuery();
            fresh = FreshnessReader.ReadAsync(links, session, TimelineProjection.ProjectionName);
            var linked = LinkedStreams.Of(links, id);
            await links.Execute(cancellation);
            streams = await linked;
            // An understanding's own stream links it from its proposal on (inline, with the understanding's documents).
            if (!streams.Contains(id))
                return TypedResults.Problem($"No understanding has id {id}.", statusCode: 404, title: "Unknown understanding");
        }

        // One round trip for the page and its total (two when the understanding's streams are looked up first), the
        // freshness read before the entries, so that the answer is at least as fresh as it says.
        var batch = session.CreateBatchQuery();
        fresh ??= FreshnessReader.ReadAsync(batch, session, TimelineProjection.ProjectionName);
        // A page reads its rows through the (occurred_from, sequence) index; the total is counted apart, not with every row
        // (Marten's paged list adds count(*) over(), which reads every matching entry in full).
        var rows = query.Apply(batch.Query<TimelineEntry>(), streams)
            .OrderBy(x => x.OccurredFrom).ThenBy(x => x.Sequence)
            .Skip((int)Math.Min(int.MaxValue, (query.Page - 1L) * query.PageSize)).Take(query.PageSize)
            .ToList();
        // The whole timeline's total is kept per week by the daemon; a filtered one is counted through the filter's index.
        var counted = query.Unfiltered(streams)
            ? Widened(batch.Query<WeekTally>().Sum(w => w.Entries))
            : query.Apply(batch.Query<TimelineEntry>(), streams).Count();
        await batch.Execute(cancellation);
        var (entries, total) = (await rows, await counted);

        var result = new TimelinePage(entries.Select(query.AsKnown).ToList(), query.Page, query.PageSize, total,
            (total + query.PageSize - 1) / query.PageSize);
        return TypedResults.Ok(new Fresh<TimelinePage>(result, await fresh));
    }

    private static async Task<long> Widened(Task<int> count) => await count;
}

/// <summary>The timeline's filters, checked, and applied to a query of entries.</summary>
public sealed record TimelineQuery(
    Guid? UnderstandingId, string? Party, string? Concept, string? Source,
    DateOnly? From, DateOnly? To, DateOnly? AsOf, DateTimeOffset? KnownAt,
    bool IncludeTakenBack, int Page, int PageSize)
{
    public Problems Validate()
    {
        var problems = new Problems()
            .When(Page < 1, "page", "Pages are numbered from 1.")
            .When(PageSize is < 1 or > GetTimelineEndpoint.MaxPageSize, "pageSize", $"From 1 to {GetTimelineEndpoint.MaxPageSize}.")
            .When(From > To, "to", "The range ends before it starts.")
            .When(UnderstandingId == Guid.Empty, "understandingId", "Not an understanding id.")
            .When(Concept is not null && ConceptName is null, "concept", $"One of {string.Join(", ", TimelineEntries.Concepts)}.");
        foreach (var (name, value) in new[] { ("party", Party), ("source", Source) })
            problems.When(value is not null && (value.Trim().Length == 0 || value.Length > Problems.MaxText), name, $"From 1 to {Problems.MaxText} characters.");
        return problems;
    }

    /// <summary>The concept as entries spell it, matched case-insensitively; null if there is none such.</summary>
    public string? ConceptName => TimelineEntries.Concepts.FirstOrDefault(c => string.Equals(c, Concept?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Every entry, taken back or not: the query the weekly tallies count.</summary>
    public bool Unfiltered(IReadOnlyCollection<Guid>? streams) =>
        streams is null && Party is null && ConceptName is null && Source is null && From is null && To is null && AsOf is null && KnownAt is null && IncludeTakenBack;

    /// <summary>PostgreSQL compares timestamps in UTC; Npgsql writes only UTC ones.</summary>
    private DateTimeOffset? KnownAtUtc => KnownAt?.ToUniversalTime();

    public IQueryable<TimelineEntry> Apply(IQueryable<TimelineEntry> entries, IReadOnlyCollection<Guid>? streams) =>
        Filters(streams).Aggregate(entries, (query, filter) => query.Where(filter));

    public IBatchedQueryable<TimelineEntry> Apply(IBatchedQueryable<TimelineEntry> entries, IReadOnlyCollection<Guid>? streams) =>
        Filters(streams).Aggregate(entries, (query, filter) => query.Where(filter));

    /// <summary>The filters, as conditions on an entry; a query of either kind applies them all.</summary>
    private IEnumerable<Expression<Func<TimelineEntry, bool>>> Filters(IReadOnlyCollection<Guid>? streams)
    {
        if (streams is not null)
        {
            var ids = streams.ToArray();
            yield return x => x.StreamId.IsOneOf(ids);
        }
        if (Party is not null)
        {
            var party = Party.Trim().ToLowerInvariant();
            yield return x => x.Mentions.Contains(party);
        }
        if (ConceptName is { } concept) yield return x => x.Concept == concept;
        if (Source is not null)
        {
            var source = Source.Trim();
            yield return x => x.Sources.Any(s => s.Name.Contains(source, StringComparison.OrdinalIgnoreCase));
        }
        if (From is { } from) yield return x => x.OccurredUntil >= from;
        if (To is { } to) yield return x => x.OccurredFrom <= to;
        if (AsOf is { } asOf) yield return x => x.OccurredFrom <= asOf;
        if (KnownAtUtc is { } knownAt) yield return x => x.Recorded <= knownAt;
        if (!IncludeTakenBack)
        {
            yield return x => x.TakesBack == null;
            if (KnownAtUtc is { } known) yield return x => x.TakenBack == null || x.TakenBack.RecordedAt > known;
            else yield return x => x.TakenBack == null;
        }
    }

    /// <summary>As known at KnownAt: a retraction or correction recorded after it has not happened yet.</summary>
    public TimelineEntry AsKnown(TimelineEntry entry) =>
        KnownAt is { } known && entry.TakenBack is { } taken && taken.RecordedAt > known ? entry with { TakenBack = null } : entry;
}
