using System.ComponentModel;
using Marten;
using Marten.Linq;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Appointments;

/// <summary>An office with who holds it now and who held it before (the latest, oldest first, and how many in all), as a list shows it.</summary>
public sealed record OfficeHolders(
    Guid OfficeId,
    string Title,
    string Jurisdiction,
    IReadOnlyList<Tenure> Holders,
    IReadOnlyList<Tenure> FormerHolders,
    int FormerHolderCount,
    long Version)
{
    public static OfficeHolders Of(OfficeDetails office) =>
        new(office.Id, office.Title, office.Jurisdiction, office.Holders, office.FormerHolders, office.FormerHolderCount, office.Version);
}

public static class ListOfficesEndpoint
{
    /// <summary>
    /// A query over the OfficeDetails documents, which are kept inline (in the transaction that appends the
    /// appointment, dismissal or resignation), so the answer is never behind the events: no read model
    /// of its own, no freshness to report. Filters match part of a name, ignoring case; the person filter
    /// finds offices the person holds or held. Ordered by jurisdiction, then title.
    /// </summary>
    [WolverineGet("/api/offices", OperationId = "ListOffices"), Tags("Appointments")]
    [EndpointSummary("List offices with their current and former holders")]
    [EndpointDescription("Every office anyone was appointed to, with its current holder(s) and the holders before (oldest first), " +
        "each tenure with its from/to dates. Filters match part of a name, ignoring case; the person filter finds offices the person " +
        "holds or held. Ordered by jurisdiction, then title. Always current: read from the office documents kept with the events.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<Results<Ok<Paged<OfficeHolders>>, ProblemHttpResult>> Get(
        IQuerySession session, CancellationToken cancellation,
        [FromQuery, Description("Part of the jurisdiction's name, any case")] string? jurisdiction = null,
        [FromQuery, Description("Part of the name of a current or former holder, any case")] string? person = null,
        [FromQuery, Description("Page number, from 1 (default 1)")] int? page = null,
        [FromQuery, Description("Offices per page, 1 to 200 (default 50)")] int? pageSize = null)
    {
        var problems = new Problems()
            .Text("jurisdiction", jurisdiction, required: false)
            .Text("person", person, required: false)
            .Page(page, pageSize);
        if (problems.Any) return TypedResults.Problem(problems.Invalid());

        var (number, size) = (page ?? 1, pageSize ?? Paging.DefaultPageSize);
        IQueryable<OfficeDetails> query = session.Query<OfficeDetails>().Stats(out var stats)
            // An office whose only appointment was retracted has no tenure left: nobody ever held it.
            .Where(o => o.Holders.Any() || o.FormerHolderCount > 0);
        if (!string.IsNullOrWhiteSpace(jurisdiction))
        {
            var wanted = jurisdiction.Trim();
            query = query.Where(o => o.Jurisdiction.Contains(wanted, StringComparison.OrdinalIgnoreCase));
        }
        if (!string.IsNullOrWhiteSpace(person))
        {
            var wanted = person.Trim();
            query = query.Where(o => o.Holders.Any(t => t.Person.Contains(wanted, StringComparison.OrdinalIgnoreCase))
                || o.FormerHolders.Any(t => t.Person.Contains(wanted, StringComparison.OrdinalIgnoreCase)));
        }

        var offices = await query.OrderBy(o => o.Jurisdiction).ThenBy(o => o.Title).ThenBy(o => o.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(cancellation);
        return TypedResults.Ok(new Paged<OfficeHolders>(offices.Select(OfficeHolders.Of).ToList(), number, size, (int)stats.TotalResults));
    }
}
