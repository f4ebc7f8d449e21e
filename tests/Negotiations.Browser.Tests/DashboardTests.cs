using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Negotiations.Browser.Tests;

/// <summary>The dashboard in headless Chromium, over the demo scenario (the southern Syria report of September 2025).</summary>
public partial class DashboardTests(DashboardApp app) : IClassFixture<DashboardApp>
{
    private const string Zone = "01990000-0000-7000-8000-000000000001";
    private const string Mechanism = "01990000-0000-7000-8000-000000000002";
    private const string Roadmap = "01990000-0000-7000-8000-000000000003";
    private const string Security = "01990000-0000-7000-8000-000000000004";

    private static readonly string[] Titles =
    [
        "Roadmap to stabilise Sweida province",
        "Southern Syria demilitarised zone",
        "Syria-Israel security understandings",
        "Trilateral mechanism overseeing the Sweida roadmap"
    ];

    [Fact]
    public async Task The_overview_shows_the_four_understandings_of_the_demo_scenario()
    {
        var page = await app.OpenAsync("/");

        var cards = page.Locator(".card");
        await Expect(cards).ToHaveCountAsync(4);
        foreach (var title in Titles)
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".counts")).ToContainTextAsync("Under negotiation 2");
        await Expect(page.Locator(".counts")).ToContainTextAsync("Agreed 2");
        await Expect(page.Locator(".counts")).ToContainTextAsync("In all 4");

        var zone = cards.Filter(new() { HasText = "Southern Syria demilitarised zone" });
        await Expect(zone.Locator(".next-round")).ToContainTextAsync("Baku");
        await Expect(zone).ToContainTextAsync("Pre-negotiation");

        await page.GetByRole(AriaRole.Link, new() { Name = "Southern Syria demilitarised zone", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/understandings/{Zone}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Southern Syria demilitarised zone", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Moving_the_date_back_shows_the_demilitarised_zone_as_it_stood_then()
    {
        var page = await app.OpenAsync($"/understandings/{Zone}");
        await Expect(page.Locator("#next-round")).ToContainTextAsync("Baku");
        await Expect(page.Locator(".statements li")).ToHaveCountAsync(2);

        // The date control: the round in Baku was scheduled on 15 September, the Syrian ministry spoke that day too.
        await page.GetByLabel("As it stood on").FillAsync("2025-09-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"\?asOf=2025-09-01$"));
        await Expect(page.Locator("#next-round")).ToHaveTextAsync("none scheduled");
        await Expect(page.Locator(".statements li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#time-description")).ToContainTextAsync("as it stood on 1 September 2025");
        // The withdrawal was declared for a period from 1 July: it counts already.
        await Expect(page.Locator("table.withdrawals tbody tr")).ToContainTextAsync("10 km");

        // The URL keeps the choice: opened anew, the page shows the same.
        var shared = await app.OpenAsync($"/understandings/{Zone}?asOf=2025-09-01");
        await Expect(shared.Locator("#next-round")).ToHaveTextAsync("none scheduled");
        await Expect(shared.GetByLabel("As it stood on")).ToHaveValueAsync("2025-09-01");

        // Before the zone was proposed (from 1 September) nothing of it had occurred.
        await page.GetByLabel("As it stood on").FillAsync("2025-08-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.GetByText("Nothing of this understanding had occurred by then")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_time_slider_moves_through_the_days_without_a_reload_and_back_keeps_working()
    {
        var page = await app.OpenAsync($"/understandings/{Zone}");
        await page.EvaluateAsync("() => window.__notReloaded = true");
        var slider = page.GetByRole(AriaRole.Slider, new() { Name = "Move through the days developments occurred" });
        await Expect(slider).ToHaveAttributeAsync("aria-valuetext", "now");

        // Days of the zone's developments: 1 July, 15 August, 1 September, 15 September; then "now".
        await slider.FillAsync("2");
        await Expect(page).ToHaveURLAsync(new Regex(@"\?asOf=2025-09-01$"));
        await Expect(slider).ToHaveAttributeAsync("aria-valuetext", "1 September 2025");
        await Expect(page.Locator("#next-round")).ToHaveTextAsync("none scheduled");
        await Expect(page.GetByLabel("As it stood on")).ToHaveValueAsync("2025-09-01");
        (await page.EvaluateAsync<bool>("() => window.__notReloaded === true")).ShouldBeTrue();
        await DashboardApp.ScreenshotAsync(page, "zone-on-2025-09-01");

        await page.GoBackAsync();
        await Expect(page.Locator("#next-round")).ToContainTextAsync("Baku");
        await Expect(slider).ToHaveAttributeAsync("aria-valuetext", "now");
    }

    [Fact]
    public async Task Without_javascript_the_time_form_still_shows_the_page_as_it_stood()
    {
        var page = await app.OpenAsync($"/understandings/{Zone}", javaScript: false);
        await Expect(page.Locator("#slider")).ToBeHiddenAsync();
        await page.GetByLabel("As it stood on").FillAsync("2025-09-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"asOf=2025-09-01"));
        await Expect(page.Locator("#next-round")).ToHaveTextAsync("none scheduled");
    }

    [Fact]
    public async Task A_development_logged_through_the_api_appears_live_without_a_reload()
    {
        var page = await app.OpenAsync($"/understandings/{Zone}");
        await Expect(page.Locator("#live-state")).ToContainTextAsync("Connected");
        await page.EvaluateAsync("() => window.__notReloaded = true");

        var summary = $"Talks on the zone resume, reference {Guid.NewGuid():N}";
        var reply = await app.Http.PostAsJsonAsync("/api/statements", new
        {
            speaker = "Tom Barrack",
            role = "mediator",
            onBehalfOf = "United States",
            summary,
            understandingIds = new[] { Zone },
            provenance = new
            {
                sources = new[] { new { name = "US envoy Tom Barrack", kind = "mediator", reliability = "B", credibility = 2 } },
                occurred = new { from = "2025-09-20" }
            }
        });
        reply.StatusCode.ShouldBe(HttpStatusCode.Created, await reply.Content.ReadAsStringAsync());

        // Live: within a few seconds, in the statements and the timeline, and listed among the live developments.
        var live = new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 };
        await Expect(page.Locator(".statements").GetByText(summary)).ToBeVisibleAsync(live);
        await Expect(page.Locator(".timeline .entry").First).ToContainTextAsync(summary, new() { Timeout = 10_000 });
        await Expect(page.Locator("#live-list li").First).ToContainTextAsync("Statement made", new() { Timeout = 10_000 });
        (await page.EvaluateAsync<bool>("() => window.__notReloaded === true")).ShouldBeTrue("the page was reloaded");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/understandings/" + Zone)]
    [InlineData("/understandings/" + Roadmap)]
    public async Task Every_control_has_an_accessible_name(string path)
    {
        var page = await app.OpenAsync(path);
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "As it stood on" }).Or(page.GetByLabel("As it stood on"))).ToHaveAttributeAsync("type", "date");
        await Expect(page.GetByLabel("As known at (UTC)")).ToHaveAttributeAsync("type", "datetime-local");
        await Expect(page.GetByRole(AriaRole.Slider, new() { Name = "Move through the days developments occurred" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Dashboard" })).ToBeVisibleAsync();

        var controls = page.Locator("input, button, select, textarea, meter, a[href], svg[role=img], [role=slider], [role=meter]");
        var count = await controls.CountAsync();
        count.ShouldBeGreaterThan(4);
        for (var i = 0; i < count; i++)
        {
            var control = controls.Nth(i);
            if (!await control.IsVisibleAsync()) continue;
            await Expect(control).ToHaveAccessibleNameAsync(NonBlank(), new() { Timeout = 2_000 });
        }
    }

    [Fact]
    public async Task A_word_on_an_understanding_links_to_its_definition_in_the_codebook()
    {
        var page = await app.OpenAsync($"/understandings/{Zone}");
        var kind = page.Locator("a.defined").First;
        await Expect(kind).ToHaveAttributeAsync("href", "/codebook#understanding-kind-demilitarised-zone");
        await Expect(kind).ToHaveAttributeAsync("title", new Regex("keep forces or classes of weapons out"));

        await kind.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/codebook#understanding-kind-demilitarised-zone$"));
        await Expect(page.Locator("#understanding-kind-demilitarised-zone + dd")).ToContainTextAsync("keep forces or classes of weapons out");
        await Expect(page.Locator("#pax-stage .grounding")).ToContainTextAsync("PA-X");
        await Expect(page.Locator("#estimate-form dt")).ToHaveCountAsync(9);
        await Expect(page.Locator("#time-form")).ToHaveCountAsync(0); // reference text: no time to choose
    }

    [Fact]
    public async Task The_roadmap_shows_each_commitment_as_a_level_and_the_overall_implementation_over_time()
    {
        // Before 1 October, when another test assesses a commitment.
        var page = await app.OpenAsync($"/understandings/{Roadmap}?asOf=2025-09-30");
        var levels = page.Locator(".commitments meter");
        await Expect(levels).ToHaveCountAsync(3);
        await Expect(levels.First).ToHaveAccessibleNameAsync("Justice for the victims of the Sweida violence");
        await Expect(page.Locator("#implementation-percent")).ToHaveTextAsync("0 %");
        await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("Overall implementation over time") })).ToBeVisibleAsync();
        await Expect(page.Locator(".claim")).ToContainTextAsync("Syrian Observatory for Human Rights");
        await Expect(page.Locator(".claim")).ToContainTextAsync("(alleged)");
        // The figure as the source gave it: a low bound, with no best figure invented.
        await Expect(page.Locator(".claim .stated")).ToHaveTextAsync("As the source states it: more than 2,000");
        await Expect(page.Locator(".claim .figures dd").Nth(1)).ToHaveTextAsync("–");
        await Expect(page.Locator("#offices-heading + .table-wrap")).ToContainTextAsync("Suleiman Abdel Baqi");
        await Expect(page.Locator(".timeline .entry").First.Locator(".grading").First).ToHaveTextAsync(new Regex("^[A-F][1-6]$"));
    }

    [Fact]
    public async Task The_overall_implementation_follows_the_assessments_over_time()
    {
        const string justice = "01990000-0000-7000-8000-000000000501";
        Guid made;
        await using (var session = app.Store.QuerySession())
            made = (await session.Events.FetchStreamAsync(Guid.Parse(justice)))[0].Id;
        var reply = await app.Http.PostAsJsonAsync($"/api/commitments/{justice}/assessments", new
        {
            level = 2,
            rationale = "Investigations opened into the killings in Sweida",
            evidence = new[] { made },
            version = 1,
            provenance = new
            {
                sources = new[] { new { name = "Government of Jordan", kind = "government", reliability = "B", credibility = 2 } },
                occurred = new { from = "2025-10-01" }
            }
        });
        reply.StatusCode.ShouldBe(HttpStatusCode.OK, await reply.Content.ReadAsStringAsync());

        // One of three commitments at level 2 of 3: 2 / 9 of full implementation.
        var page = await app.OpenAsync($"/understandings/{Roadmap}");
        await Expect(page.Locator("#implementation-percent")).ToHaveTextAsync("22.2 %");
        await Expect(page.Locator(".commitments meter").First).ToHaveAttributeAsync("value", "2");
        await Expect(page.Locator(".chart circle")).ToHaveCountAsync(2);
        await Expect(page.Locator(".chart circle title").Last).ToHaveTextAsync("1 October 2025: 22.2 %");

        // A point of the chart opens the page on its day.
        await page.Locator(".chart svg a").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"\?asOf=2025-09-15$"));
        await Expect(page.Locator("#implementation-percent")).ToHaveTextAsync("0 %");
        await DashboardApp.ScreenshotAsync(page, "roadmap-on-2025-09-15");
    }

    [Fact]
    public async Task Every_page_renders_on_a_laptop_and_a_phone_and_is_saved_as_a_screenshot()
    {
        var pages = new[] { ("overview", "/"), ("zone", $"/understandings/{Zone}"), ("mechanism", $"/understandings/{Mechanism}"),
            ("roadmap", $"/understandings/{Roadmap}"), ("security", $"/understandings/{Security}") };
        foreach (var (name, path) in pages)
        foreach (var (device, width, height) in new[] { ("laptop", 1280, 800), ("phone", 390, 844) })
        {
            var page = await app.OpenAsync(path, width, height);
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);
            await Expect(page.Locator("main h1")).ToBeVisibleAsync();
            // Nothing wider than the window: the page reads without scrolling sideways (tables scroll inside their frame).
            (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width, $"{name} on a {device}");
            await DashboardApp.ScreenshotAsync(page, $"{name}-{device}");
            File.Exists(Path.Combine(DashboardApp.Screenshots, $"{name}-{device}.png")).ShouldBeTrue();
            errors.ShouldBeEmpty();
            await page.Context.CloseAsync();
        }
    }

    [GeneratedRegex(@"\S")]
    private static partial Regex NonBlank();
}
