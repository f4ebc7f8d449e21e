using Negotiations.Kernel;

namespace Negotiations.Kernel;

/// <summary>One page of a list answer: the items, where the page is, and how many there are in all.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>Query parameters of paged lists: page counts from 1, a page holds 1 to 200 items (50 unless asked).</summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static Problems Page(this Problems problems, int? page, int? pageSize) => problems
        .When(page is < 1, "page", "Pages count from 1.")
        .When(pageSize is < 1 or > MaxPageSize, "pageSize", $"A page holds 1 to {MaxPageSize} items.");

    /// <summary>The requested page of an already ordered list.</summary>
    public static Paged<T> PageOf<T>(this IReadOnlyList<T> all, int? page, int? pageSize)
    {
        var (number, size) = (page ?? 1, pageSize ?? DefaultPageSize);
        return new Paged<T>(all.Skip((number - 1) * size).Take(size).ToList(), number, size, all.Count);
    }

    /// <summary>The 400 answer of a query whose parameters are wrong, each named as in the URL.</summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails Invalid(this Problems problems)
    {
        var result = problems.Result();
        result.Title = "The query is not valid";
        return result;
    }
}
