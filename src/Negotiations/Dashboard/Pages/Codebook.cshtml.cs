using Microsoft.AspNetCore.Mvc.RazorPages;
using Negotiations.Kernel;

namespace Negotiations.Dashboard.Pages;

/// <summary>The codebook: what every word the record uses means, and what each vocabulary is grounded in.</summary>
public sealed class CodebookModel : PageModel, IDashboardPage
{
    public IReadOnlyList<Vocabulary> Vocabularies => Codebook.Vocabularies;
    public TimeChoice Time => TimeChoice.Now;
    public IReadOnlyList<string> Problems => [];
    public IReadOnlyList<DateOnly> Dates => [];
    public long LastEvent => 0;
    public bool Behind => false;
    public Guid? UnderstandingId => null;
    public bool ShowsTime => false;

    public void OnGet() { }
}
