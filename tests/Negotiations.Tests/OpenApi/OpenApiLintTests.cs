using System.Diagnostics;
using System.Net;
using Negotiations.Tests.Support;
using Xunit.Abstractions;

namespace Negotiations.Tests.OpenApi;

/// <summary>
/// The served OpenAPI document passes Redocly's recommended rules and Spectral's spectral:oas without an error.
/// The linters are the npm packages pinned in OpenApi/lint (eventstore-scripts/test installs them with npm ci).
/// </summary>
public class OpenApiLintTests(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>, IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("negotiations-openapi-");

    private static string Lint() => Path.Combine(Repository.Root, "tests", "Negotiations.Tests", "OpenApi", "lint");

    private static string Tool(string name)
    {
        var path = Path.Combine(Lint(), "node_modules", ".bin", name);
        File.Exists(path).ShouldBeTrue($"{path} is missing: run eventstore-scripts/test, or `npm ci` in {Lint()}");
        return path;
    }

    private async Task<string> ServedDocumentAsync()
    {
        var reply = await app.Client().GetAsync("/openapi/v1.json");
        reply.StatusCode.ShouldBe(HttpStatusCode.OK);
        var file = Path.Combine(_work.FullName, "openapi.json");
        await File.WriteAllTextAsync(file, await reply.Content.ReadAsStringAsync());
        return file;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Lint(),
            Environment = { ["NO_COLOR"] = "1", ["FORCE_COLOR"] = "0", ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" }
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }

    [Fact]
    public async Task Redocly_finds_no_error()
    {
        var document = await ServedDocumentAsync();
        var (exitCode, findings) = await RunAsync(Tool("redocly"), "lint", document, "--config", Path.Combine(Lint(), "redocly.yaml"), "--format", "stylish", "--max-problems", "1000");
        output.WriteLine(findings);
        exitCode.ShouldBe(0, findings);
    }

    [Fact]
    public async Task Spectral_finds_no_error()
    {
        var document = await ServedDocumentAsync();
        var (exitCode, findings) = await RunAsync(Tool("spectral"), "lint", document, "--ruleset", Path.Combine(Lint(), "spectral.yaml"), "--fail-severity", "error", "--format", "text");
        output.WriteLine(findings);
        exitCode.ShouldBe(0, findings);
    }

    public void Dispose() => _work.Delete(recursive: true);
}
