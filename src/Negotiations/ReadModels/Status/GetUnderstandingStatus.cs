using Negotiations.Kernel;
using System.ComponentModel;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.ReadModels.Status;

public static class GetUnderstandingStatusEndpoint
{
    /// <summary>
    /// The status of an understanding: now (the asynchronous projection, with its freshness), or as it
    /// stood on a date (asOf: developments that occurred by then), or as it was known at a moment
    /// (knownAt: events recorded by then, so later corrections are not yet applied), or both.
    /// </summary>
    [WolverineGet("/api/understandings/{understandingId}/status", OperationId = "GetUnderstandingStatus"), Tags("Status")]
    [EndpointSummary("Read an understanding's status, now or on either time axis")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<Fresh<StatusView>>, ProblemHttpResult>> Get(
        Guid understandingId, IQuerySession session, FreshnessReader freshness, TimeProvider clock, CancellationToken cancellation,
        [FromQuery, Description(TimeAxes.AsOf)] DateOnly? asOf = null, [FromQuery, Description(TimeAxes.KnownAt)] DateTimeOffset? knownAt = null)
    {
        var reference = asOf ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        UnderstandingStatus? status;
        Freshness fresh;
        if (asOf is null && knownAt is null)
        {
            (status, fresh) = await freshness.LoadAsync<UnderstandingStatus>(session, UnderstandingStatusProjection.ProjectionName, understandingId, cancellation);
            if (status is null && await session.LoadAsync<Understandings.UnderstandingDetails>(understandingId, cancellation) is not null)
            {
                // Proposed a moment ago and not folded yet: answer from the events, as the projection will.
                status = await StatusHistory.FoldAsync(session, understandingId, null, null, cancellation);
                fresh = fresh with { Position = status?.Sequence ?? 0, Behind = false };
            }
        }
        else
        {
            status = await StatusHistory.FoldAsync(session, understandingId, asOf, knownAt, cancellation);
            fresh = new Freshness("events", status?.Sequence ?? 0, status?.Sequence ?? 0, false);
        }

        return status is not null && StatusView.From(status, reference) is { } view
            ? TypedResults.Ok(new Fresh<StatusView>(view, fresh))
            : TypedResults.Problem(
                asOf is null && knownAt is null
                    ? $"No understanding has id {understandingId}."
                    : $"Understanding {understandingId} had not been proposed at that point.",
                statusCode: 404, title: "Unknown understanding");
    }
}
