using Microsoft.AspNetCore.Http.HttpResults;
using Negotiations.Kernel;

namespace Negotiations.Operations.Audit;

/// <summary>What the audit's reads share: the page size when none is asked for, and the check of a filter and page size.</summary>
public static class AuditQuery
{
    public const int DefaultPageSize = 100;

    internal static ProblemHttpResult? Check(EventFilter filter, int? pageSize)
    {
        var problems = filter.Check(new Problems())
            .When(pageSize is < 1 or > EventFilter.MaxPageSize, "pageSize", $"Between 1 and {EventFilter.MaxPageSize}.");
        return problems.Any ? TypedResults.Problem(problems.Result()) : null;
    }
}
