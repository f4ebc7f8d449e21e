using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Negotiations.Browser.Tests;

/// <summary>The dashboard as of a release: the record as frozen, whatever was recorded after it.</summary>
public class ReleaseDashboardTests(DashboardApp app) : IClassFixture<DashboardApp>
{
    private const string Zone = "01990000-0000-7000-8000-000000000001";

    [Fact]
    public async Task Choosing_a_release_shows_the_record_as_frozen_without_what_was_recorded_after_it()
    {
        var name = $"demo-{Guid.NewGuid():N}"[..13];
        using (var auditor = app.Auditor())
        {
            var frozen = await auditor.PostAsJsonAsync("/api/audit/releases", new { name, notes = "The demo scenario as loaded." });
            frozen.StatusCode.ShouldBe(HttpStatusCode.Created, await frozen.Content.ReadAsStringAsync());
        }
        var summary = $"Envoys meet after the release, reference {Guid.NewGuid():N}";
        var reply = await app.Http.PostAsJsonAsync("/api/statements", new
        {
            speaker = "Tom Barrack", role = "mediator", onBehalfOf = "United States", summary, understandingIds = new[] { Zone },
            provenance = new { sources = new[] { new { name = "US envoy Tom Barrack", kind = "mediator", reliability = "B", credibility = 2 } }, occurred = new { from = "2025-09-21" } }
        });
        reply.StatusCode.ShouldBe(HttpStatusCode.Created, await reply.Content.ReadAsStringAsync());

        var page = await app.OpenAsync($"/understandings/{Zone}");
        await Expect(page.Locator(".statements").GetByText(summary)).ToBeVisibleAsync();
        await page.GetByLabel("As released in").SelectOptionAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"release={name}"));
        await Expect(page.Locator("#time-description")).ToContainTextAsync($"as released in {name}");
        await Expect(page.GetByLabel("As released in")).ToHaveValueAsync(name);
        await Expect(page.Locator(".statements").GetByText(summary)).ToHaveCountAsync(0);
        await Expect(page.Locator(".timeline").GetByText(summary)).ToHaveCountAsync(0);
        await DashboardApp.ScreenshotAsync(page, "release-understanding");

        // The overview as of the release: the demo's four understandings.
        var overview = await app.OpenAsync($"/?release={name}");
        await Expect(overview.Locator("#time-description")).ToContainTextAsync($"as released in {name}");
        await Expect(overview.Locator(".cards li.card")).ToHaveCountAsync(4);

        // The map as of the release: an incident recorded after it is not on it.
        var incident = await app.Http.PostAsJsonAsync("/api/incidents", new
        {
            kind = "shelling", summary = $"Shelling after the release, reference {Guid.NewGuid():N}",
            place = new { geometry = new { type = "Point", coordinates = new[] { 36.2, 32.9 } }, precision = "district", name = "Daraa" },
            provenance = new { sources = new[] { new { name = "Reuters", kind = "media", reliability = "B", credibility = 2 } }, occurred = "2025-09-20" }
        });
        incident.StatusCode.ShouldBe(HttpStatusCode.Created, await incident.Content.ReadAsStringAsync());
        var map = await app.OpenAsync("/map");
        await Expect(map.Locator("#map")).ToHaveAttributeAsync("data-incidents", "3");
        var released = await app.OpenAsync($"/map?release={name}");
        await Expect(released.Locator("#time-description")).ToContainTextAsync($"as released in {name}");
        await Expect(released.Locator("#map")).ToHaveAttributeAsync("data-incidents", "2");
        await Expect(released.Locator("#map")).ToHaveAttributeAsync("data-zones", "1");
        await Expect(released.Locator("#map-features")).Not.ToContainTextAsync("Daraa");

        // An unknown release, or a release with a moment: said, not guessed.
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var unknown = await http.GetAsync("/?release=nope");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("No release is called &quot;nope&quot;");
        (await http.GetAsync($"/?release={name}&knownAt=2025-09-20T00:00:00Z")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
