using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.ReadModels.Status;

public sealed record StatusList(IReadOnlyList<StatusView> Understandings, int Total);

public static class ListStatusesEndpoint
{
    /// <summary>Every understanding's status (the asynchronous projection), by title, with its freshness.</summary>
    [WolverineGet("/api/status", OperationId = "ListStatuses"), Tags("Status")]
    [EndpointSummary("Read the status of every understanding")]
    public static async Task<Ok<Fresh<StatusList>>> Get(IQuerySession session, FreshnessReader freshness, TimeProvider clock, CancellationToken cancellation)
    {
        var fresh = await freshness.ReadAsync(session, UnderstandingStatusProjection.ProjectionName, cancellation);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var statuses = await session.Query<UnderstandingStatus>().ToListAsync(cancellation);
        var views = statuses.Select(s => StatusView.From(s, today)).OfType<StatusView>().OrderBy(v => v.Title).ThenBy(v => v.Id).ToList();
        return TypedResults.Ok(new Fresh<StatusList>(new StatusList(views, views.Count), fresh));
    }
}
