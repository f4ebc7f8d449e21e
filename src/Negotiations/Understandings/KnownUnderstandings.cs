using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Understandings;

/// <summary>Developments that link to understandings must name ones that exist (and were not retracted).</summary>
public static class KnownUnderstandings
{
    public static async Task<ProblemDetails> CheckAsync(IQuerySession session, IEnumerable<Guid>? ids, CancellationToken cancellation)
    {
        var wanted = (ids ?? []).Distinct().ToArray();
        if (wanted.Length == 0) return WolverineContinue.NoProblems;
        var found = await session.LoadManyAsync<Understanding>(cancellation, wanted);
        var missing = wanted.Except(found.Where(u => !u.Retracted).Select(u => u.Id)).ToArray();
        return missing.Length == 0
            ? WolverineContinue.NoProblems
            : new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Unknown understanding",
                Detail = $"No understanding has id {string.Join(", ", missing)}."
            };
    }
}
