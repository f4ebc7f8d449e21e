using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Negotiations.Browser.Tests;

/// <summary>The dashboard over two processes of other shapes than the demo's (tests/Shared/Processes), with nothing special to them.</summary>
public sealed class ProcessesDashboardApp : DashboardApp
{
    protected override Task<IReadOnlyList<string>> ReportsAsync() => Task.FromResult<IReadOnlyList<string>>(
        new[] { "colombia-farc-2016.jsonl", "afghanistan-geneva-1988.jsonl" }.Select(f => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Processes", f))).ToList());
}

public class ProcessDashboardTests(ProcessesDashboardApp app) : IClassFixture<ProcessesDashboardApp>
{
    [Fact]
    public async Task A_ddr_process_shows_its_cantonment_its_handover_and_a_toll_with_a_lower_bound_only()
    {
        var page = await app.OpenAsync("/understandings/01a10000-0000-7000-8000-000000000001");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bilateral and definitive ceasefire and laying down of arms");
        await Expect(page.Locator("a.defined").First).ToHaveTextAsync("Disarmament");
        var compliance = page.Locator("table.withdrawals tbody tr");
        await Expect(compliance).ToHaveCountAsync(2);
        await Expect(compliance.Nth(1)).ToContainTextAsync("handed over 7,132 weapons at United Nations Mission containers");
        await Expect(compliance.Nth(0)).ToContainTextAsync("Feb 2017"); // a month, as the source gave it
        await Expect(page.Locator(".commitment-meta").First).ToContainTextAsync("Other: Laying down of arms");
        await DashboardApp.ScreenshotAsync(page, "process-colombia");
    }

    [Fact]
    public async Task A_withdrawal_of_foreign_forces_shows_the_forces_that_left_and_the_toll_as_stated()
    {
        var page = await app.OpenAsync("/understandings/01a20000-0000-7000-8000-000000000001");
        await Expect(page.Locator("table.withdrawals tbody tr")).ToContainTextAsync("Soviet forces left Afghanistan");
        await Expect(page.Locator(".claim .stated")).ToHaveTextAsync("As the source states it: 13,310");
        await Expect(page.Locator(".claim")).ToContainTextAsync("Soviet Union");
        await DashboardApp.ScreenshotAsync(page, "process-afghanistan");
    }
}
