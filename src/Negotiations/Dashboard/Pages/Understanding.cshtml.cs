using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Negotiations.Operations.Releases;

namespace Negotiations.Dashboard.Pages;

/// <summary>One understanding: zones, roadmap, mechanisms, offices, rounds, statements, casualty claims and the timeline.</summary>
public sealed class UnderstandingModel(DashboardReader reader, ReleaseRegister releases) : PageModel, IDashboardPage
{
    public IReadOnlyList<ReleaseSummary> Releases { get; private set; } = [];
    public UnderstandingData? Data { get; private set; }
    public TimeChoice Time { get; private set; } = TimeChoice.Now;
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public IReadOnlyList<DateOnly> Dates => Data?.Dates ?? [];
    public long LastEvent => Data?.Freshness.LastEvent ?? 0;
    public bool Behind => false;
    public Guid? UnderstandingId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? asOf, string? knownAt, string? release, CancellationToken cancellation)
    {
        UnderstandingId = id;
        (Time, Problems, Releases) = await ReleaseChoice.ReadAsync(asOf, knownAt, release, releases, cancellation);
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Data = await reader.UnderstandingAsync(id, Time, cancellation);
        if (Data is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
