using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Negotiations.Operations.Releases;

namespace Negotiations.Dashboard.Pages;

/// <summary>The overview: one card per understanding, and counts by lifecycle status.</summary>
public sealed class IndexModel(DashboardReader reader, ReleaseRegister releases) : PageModel, IDashboardPage
{
    public IReadOnlyList<ReleaseSummary> Releases { get; private set; } = [];
    public OverviewData? Overview { get; private set; }
    public TimeChoice Time { get; private set; } = TimeChoice.Now;
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public IReadOnlyList<DateOnly> Dates => Overview?.Dates ?? [];
    public long LastEvent => Overview?.Freshness.LastEvent ?? 0;
    public bool Behind => Overview?.Freshness.Behind ?? false;
    public Guid? UnderstandingId => null;

    public async Task<IActionResult> OnGetAsync(string? asOf, string? knownAt, string? release, CancellationToken cancellation)
    {
        (Time, Problems, Releases) = await ReleaseChoice.ReadAsync(asOf, knownAt, release, releases, cancellation);
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Overview = await reader.OverviewAsync(Time, cancellation);
        return Page();
    }
}
