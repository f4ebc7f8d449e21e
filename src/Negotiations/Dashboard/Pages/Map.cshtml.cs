using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Negotiations.Operations.Releases;

namespace Negotiations.Dashboard.Pages;

/// <summary>The map: the zones as drawn, the incidents and other developments' places on the chosen time axes (or as of a release), over the Natural Earth borders.</summary>
public sealed class MapModel(DashboardReader reader, ReleaseRegister releases) : PageModel, IDashboardPage
{
    public IReadOnlyList<ReleaseSummary> Releases { get; private set; } = [];
    public TimeChoice Time { get; private set; } = TimeChoice.Now;
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public IReadOnlyList<DateOnly> Dates { get; private set; } = [];
    public long LastEvent { get; private set; }
    public bool Behind => false;
    public Guid? UnderstandingId => null;

    public async Task<IActionResult> OnGetAsync(string? asOf, string? knownAt, string? release, CancellationToken cancellation)
    {
        (Time, Problems, Releases) = await ReleaseChoice.ReadAsync(asOf, knownAt, release, releases, cancellation);
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Dates = await reader.DaysAsync(Time, cancellation);
        LastEvent = await reader.LastEventAsync(cancellation);
        return Page();
    }
}
