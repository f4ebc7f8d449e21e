using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Negotiations.Browser.Tests;

/// <summary>The map in headless Chromium with the network cut off: everything it draws comes from the application.</summary>
public class MapDashboardTests(DashboardApp app) : IClassFixture<DashboardApp>
{
    private async Task<(IPage Page, List<string> Outside)> OpenOfflineAsync(string path)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "en-GB"
        });
        var outside = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(app.BaseUrl, StringComparison.Ordinal)) await route.ContinueAsync();
            else
            {
                outside.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        (await page.GotoAsync(path))!.Status.ShouldBe(200, path);
        return (page, outside);
    }

    [Fact]
    public async Task The_map_draws_the_borders_the_demo_zone_its_incidents_and_places_with_the_network_cut_off()
    {
        var (page, outside) = await OpenOfflineAsync("/map");
        var map = page.Locator("#map");
        await Expect(map).ToHaveAttributeAsync("data-drawn", "true");
        (await page.Locator("path.map-zone").CountAsync()).ShouldBe(1);
        (await page.Locator("path.map-incident").CountAsync()).ShouldBe(2);
        (await page.Locator("path.map-country").CountAsync()).ShouldBeGreaterThan(5);
        // Baku, Damascus, and Sweida province for the roadmap, the casualty claim and the appointment.
        (await page.Locator("path.map-place").CountAsync()).ShouldBe(5);
        await Expect(page.Locator("#map-status")).ToHaveTextAsync("1 zone, 2 incidents and 5 places of other developments on the map.");
        await Expect(page.Locator("#map-features li")).ToHaveCountAsync(8);
        await Expect(page.Locator("#map-features")).ToContainTextAsync("province precision");
        await Expect(page.Locator("#map-features")).ToContainTextAsync("Round scheduled: Baku");
        await DashboardApp.ScreenshotAsync(page, "map");

        // As it stood at the end of July: the clashes and air strikes, before the zone was drawn and the round announced.
        var (july, _) = await OpenOfflineAsync("/map?asOf=2025-07-31");
        await Expect(july.Locator("#map")).ToHaveAttributeAsync("data-drawn", "true");
        await Expect(july.Locator("#map")).ToHaveAttributeAsync("data-incidents", "2");
        await Expect(july.Locator("#map")).ToHaveAttributeAsync("data-zones", "0");
        (await july.Locator("path.map-zone").CountAsync()).ShouldBe(0);
        await Expect(july.Locator("#map-features")).Not.ToContainTextAsync("Baku");

        outside.ShouldBeEmpty();
    }

    [Fact]
    public async Task Moving_the_day_slider_redraws_the_map_as_it_stood_on_that_day()
    {
        var (page, outside) = await OpenOfflineAsync("/map");
        var map = page.Locator("#map");
        await Expect(map).ToHaveAttributeAsync("data-places", "5");
        await Expect(map).ToHaveAttributeAsync("data-zones", "1");
        var days = System.Text.Json.JsonSerializer.Deserialize<string[]>((await page.Locator("#slider").GetAttributeAsync("data-days"))!)!;
        var day = days[0];
        var places = System.Text.Json.Nodes.JsonNode.Parse(await app.Http.GetStringAsync($"/api/places?asOf={day}"))!["features"]!.AsArray().Count;
        var incidents = System.Text.Json.Nodes.JsonNode.Parse(await app.Http.GetStringAsync($"/api/incidents?asOf={day}"))!["features"]!.AsArray().Count;
        var zones = System.Text.Json.Nodes.JsonNode.Parse(await app.Http.GetStringAsync($"/api/zones?asOf={day}"))!["features"]!.AsArray().Count;
        places.ShouldBeLessThan(5);

        await page.Locator("#day-slider").EvaluateAsync("(range) => { range.value = '0'; range.dispatchEvent(new Event('change')); }");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"asOf={day}"));
        await Expect(map).ToHaveAttributeAsync("data-places", places.ToString());
        await Expect(map).ToHaveAttributeAsync("data-incidents", incidents.ToString());
        await Expect(map).ToHaveAttributeAsync("data-zones", zones.ToString());
        await Expect(map).ToHaveAttributeAsync("data-drawn", "true");
        (await page.Locator("path.map-place").CountAsync()).ShouldBe(places);
        outside.ShouldBeEmpty();
    }
}
