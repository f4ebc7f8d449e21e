using System.ComponentModel;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Casualties;

/// <summary>
/// The claims of several sources about one incident, in one place, over one period, side by side.
/// There is deliberately no total and no range across sources: each source's figures stand on their own.
/// </summary>
public sealed record IncidentClaims(string Incident, string Place, Occurrence Period, IReadOnlyList<SourceClaim> Claims);

/// <summary>
/// One source's claim: its latest figures and breakdown, the figures as first published and its latest revisions
/// and disputes (oldest first, each with the event that gave it, so it can be corrected or retracted by id), with
/// how many revisions and disputes there are in all.
/// </summary>
public sealed record SourceClaim(
    Guid ClaimId,
    string Source,
    CasualtyCount Latest,
    CasualtyCount Published,
    IReadOnlyList<CasualtyCount> Revisions,
    int RevisionCount,
    IReadOnlyList<CasualtyDispute> Disputes,
    int DisputeCount,
    IReadOnlyList<Guid> UnderstandingIds,
    long Version)
{
    public bool Disputed => DisputeCount > 0;

    public static SourceClaim Of(CasualtyClaimDetails claim) =>
        new(claim.Id, claim.Source, claim.Latest, claim.Published, claim.Revisions, claim.RevisionCount, claim.Disputes, claim.DisputeCount,
            claim.UnderstandingIds, claim.Version);
}

public static partial class CompareCasualtyClaimsEndpoint
{
    /// <summary>
    /// A query over the CasualtyClaimDetails documents, which are kept inline (in the transaction that appends
    /// each publication, revision or dispute), so the answer is never behind the events: no read model of
    /// its own, no freshness to report. Retracted claims are left out.
    ///
    /// Claims are grouped by incident, place and period as their sources wrote them (compared ignoring
    /// case and spacing): figures for another period are not comparable side by side, so they form a
    /// group of their own. The filters choose claims (understandingId exactly; place and source by part of
    /// the name, ignoring case); a group shows the claims that pass them. Groups come latest period first,
    /// claims in a group by source; pages count groups.
    /// </summary>
    [WolverineGet("/api/casualty-claims", OperationId = "CompareCasualtyClaims"), Tags("Casualties")]
    [EndpointSummary("Compare casualty claims: each source's figures per incident, side by side, never merged")]
    [EndpointDescription("Claims grouped by incident, place and period as the sources gave them; in each group every source's claim " +
        "with its latest low/best/high and breakdown, the figures as first published, its latest revisions and disputes (oldest first, " +
        "with the event id) and how many of each. " +
        "Figures of different sources are never added up or merged. Retracted claims are left out. The filters choose claims; " +
        "groups come latest period first and pages count groups. Always current: read from the claim documents kept with the events.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<Results<Ok<Paged<IncidentClaims>>, ProblemHttpResult>> Get(
        IQuerySession session, CancellationToken cancellation,
        [FromQuery, Description("Only claims linked to this understanding")] Guid? understandingId = null,
        [FromQuery, Description("Part of the place's name, any case")] string? place = null,
        [FromQuery, Description("Part of the claiming source's name, any case")] string? source = null,
        [FromQuery, Description("Page number, from 1 (default 1)")] int? page = null,
        [FromQuery, Description("Incidents per page, 1 to 200 (default 50)")] int? pageSize = null)
    {
        var problems = new Problems()
            .When(understandingId == Guid.Empty, "understandingId", "An understanding id, not the empty id.")
            .Text("place", place, required: false)
            .Text("source", source, required: false)
            .Page(page, pageSize);
        if (problems.Any) return TypedResults.Problem(problems.Invalid());

        IQueryable<CasualtyClaimDetails> query = session.Query<CasualtyClaimDetails>().Where(c => !c.Retracted);
        if (understandingId is { } understanding) query = query.Where(c => c.UnderstandingIds.Contains(understanding));
        if (!string.IsNullOrWhiteSpace(place))
        {
            var wanted = place.Trim();
            query = query.Where(c => c.Place.Contains(wanted, StringComparison.OrdinalIgnoreCase));
        }
        if (!string.IsNullOrWhiteSpace(source))
        {
            var wanted = source.Trim();
            query = query.Where(c => c.Source.Contains(wanted, StringComparison.OrdinalIgnoreCase));
        }

        // Grouping needs every matching claim; claims are few next to events (one per source and incident).
        var claims = await query.ToListAsync(cancellation);
        return TypedResults.Ok(SideBySide(claims).PageOf(page, pageSize));
    }

    /// <summary>Pure: groups claims by incident, place and period; sums nothing.</summary>
    public static IReadOnlyList<IncidentClaims> SideBySide(IEnumerable<CasualtyClaimDetails> claims) =>
        claims
            .GroupBy(c => (Incident: Key(c.Incident), Place: Key(c.Place), c.Period))
            .Select(g =>
            {
                var first = g.OrderBy(c => c.Id).First();
                return new IncidentClaims(first.Incident, first.Place, first.Period,
                    g.OrderBy(c => c.Source, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id).Select(SourceClaim.Of).ToList());
            })
            .OrderByDescending(g => g.Period.From).ThenBy(g => g.Incident, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Place, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static string Key(string text) => Spaces().Replace(text.Trim(), " ").ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
