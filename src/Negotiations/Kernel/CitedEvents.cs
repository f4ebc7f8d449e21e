using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Kernel;

/// <summary>A development that rests on other events (of any stream), cited by id: an assessment's evidence.</summary>
public interface ICitesEvents
{
    IReadOnlyList<Guid> CitedEventIds { get; }
}

/// <summary>Evidence is cited by event id; every id must name an event in the store (of any stream).</summary>
public static class CitedEvents
{
    public static async Task<ProblemDetails> CheckAsync(IQuerySession session, IEnumerable<Guid>? ids, CancellationToken cancellation)
    {
        var missing = new List<Guid>();
        foreach (var id in (ids ?? []).Distinct())
            if (await session.Events.LoadAsync(id, cancellation) is null) missing.Add(id);
        if (missing.Count == 0) return WolverineContinue.NoProblems;
        return new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = "Unknown evidence",
            Detail = $"No event has id {string.Join(", ", missing)}.",
            Extensions = { ["unknownEventIds"] = missing }
        };
    }
}
