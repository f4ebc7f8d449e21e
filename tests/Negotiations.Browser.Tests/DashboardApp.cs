using System.Net;
using Negotiations.Operations.Settings;
using System.Text;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Negotiations.Operations.Demo;
using Npgsql;
using Wolverine;

namespace Negotiations.Browser.Tests;

/// <summary>
/// The whole application on a real socket (Kestrel on 127.0.0.1, a free port), against the real PostgreSQL in a
/// schema of its own (dropped afterwards), with the demo scenario imported through the API; and headless
/// Chromium, Debian's own (/usr/bin/chromium): Playwright never downloads a browser.
/// </summary>
public class DashboardApp : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly Factory factory = new();
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    /// <summary>A client with the auditor's key.</summary>
    public HttpClient Auditor()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", Factory.AuditorKey);
        return client;
    }
    public IDocumentStore Store => factory.Services.GetRequiredService<IDocumentStore>();

    /// <summary>Screenshots are kept as test artifacts under the test project's TestResults/screenshots (git-ignored).</summary>
    public static string Screenshots { get; } = ScreenshotFolder();

    public async Task InitializeAsync()
    {
        // Program hands its arguments to JasperFx's command line, which starts the host only when told to.
        JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single().TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        Http.DefaultRequestHeaders.Authorization = new("Bearer", Factory.MonitorKey);

        foreach (var report in await ReportsAsync())
        {
            var reply = await Http.PostAsync("/api/import", new StringContent(report, Encoding.UTF8, "application/x-ndjson"));
            var results = (await reply.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            results[^1].ShouldContain("\"rejected\":0", customMessage: string.Join("\n", results.Where(r => !r.Contains("\"applied\":true"))));
        }
        await Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        File.Exists(Chromium).ShouldBeTrue($"{Chromium} is missing: eventstore-scripts/test installs Debian's chromium package (apt-get install -y chromium).");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
        });
    }

    /// <summary>The field reports imported before the tests: the demo scenario.</summary>
    protected virtual async Task<IReadOnlyList<string>> ReportsAsync()
    {
        using var reader = DemoScenario.Open();
        return [await reader.ReadToEndAsync()];
    }

    /// <summary>A new page in a browser context of its own: a laptop's window unless told otherwise.</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1280, int height = 800, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            Locale = "en-GB"
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var response = await page.GotoAsync(path);
        response!.Status.ShouldBe(200, path);
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        Http?.Dispose();
        await factory.DisposeAsync();
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists \"{factory.Schema}\" cascade", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string ScreenshotFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Negotiations.Browser.Tests.csproj"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private sealed class Factory : WebApplicationFactory<Program>
    {
        public static string ConnectionString => Negotiations.Operations.Settings.DatabaseLocation.FromEnvironment();

        /// <summary>The key of the monitor who logs developments through the API; the browser has none.</summary>
        public const string MonitorKey = "browser-test-monitor-key";

        /// <summary>The key of the auditor who freezes releases.</summary>
        public const string AuditorKey = "browser-test-auditor-key";

        public string Schema { get; } = $"t_browser_{Guid.NewGuid():N}"[..24];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Marten", ConnectionString);
            builder.UseSetting("Negotiations:Schema", Schema);
            builder.UseSetting("Negotiations:LoadDemoScenario", "false");
            Negotiations.TestSupport.TestLogging.Configure(builder);
            // As `run` serves it: reads (the dashboard, the feed) are open to callers without a key; writes need one.
            builder.UseSetting("Negotiations:AnonymousRole", Roles.Viewer);
            builder.UseSetting("Negotiations:ApiKeys:0:User", "browser-test-monitor");
            builder.UseSetting("Negotiations:ApiKeys:0:KeyHash", ApiKey.Hash(MonitorKey));
            builder.UseSetting("Negotiations:ApiKeys:0:Roles:0", Roles.Monitor);
            builder.UseSetting("Negotiations:ApiKeys:1:User", "browser-test-auditor");
            builder.UseSetting("Negotiations:ApiKeys:1:KeyHash", ApiKey.Hash(AuditorKey));
            builder.UseSetting("Negotiations:ApiKeys:1:Roles:0", Roles.Auditor);
            // Releases are cut at signed checkpoints (any 32 bytes make an Ed25519 seed).
            builder.UseSetting("Audit:SigningKey", Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));
            builder.ConfigureServices(services =>
            {
                services.RunWolverineInSoloMode();
                services.DisableAllExternalWolverineTransports();
            });
        }
    }
}
