using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Negotiations.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace Negotiations.Tests.Hosting;

/// <summary>
/// The built application, run as a child process on a schema of its own, stops on SIGTERM (what a container
/// runtime or systemd sends) with exit code 0 within its shutdown timeout, with an open feed connection and the
/// async daemon running, and logs no error on the way out.
/// </summary>
public partial class GracefulShutdownTests(ITestOutputHelper log) : IAsyncLifetime
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(15);

    private readonly string _schema = TestDatabase.NewSchema("shutdown");
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _demoLoaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process _app = null!;

    [Fact]
    public async Task SIGTERM_stops_it_with_exit_code_0_and_no_error_noise()
    {
        using var started = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var address = await _listening.Task.WaitAsync(started.Token);
        await _demoLoaded.Task.WaitAsync(started.Token);

        using var client = new HttpClient { BaseAddress = new Uri(address) };
        (await client.GetAsync("/health", started.Token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // A long-lived request in flight: the live feed, read until it has sent the demo's first event.
        using var feed = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/feed?after=0"), HttpCompletionOption.ResponseHeadersRead, started.Token);
        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var events = new StreamReader(await feed.Content.ReadAsStreamAsync(started.Token));
        while (await events.ReadLineAsync(started.Token) is { } line && !line.StartsWith("id:")) { }

        using var kill = Process.Start("kill", ["-TERM", _app.Id.ToString()])!;
        await kill.WaitForExitAsync(started.Token);
        kill.ExitCode.ShouldBe(0);

        var stopwatch = Stopwatch.StartNew();
        using var stopping = new CancellationTokenSource(ShutdownTimeout + TimeSpan.FromSeconds(10));
        await _app.WaitForExitAsync(stopping.Token);
        var output = string.Join("\n", _output);

        log.WriteLine($"stopped in {stopwatch.Elapsed.TotalSeconds:F1} s after SIGTERM");
        _app.ExitCode.ShouldBe(0, output);
        stopwatch.Elapsed.ShouldBeLessThan(ShutdownTimeout, output);
        output.ShouldContain("Application is shutting down");
        _output.Where(l => l.TrimStart().StartsWith("fail:") || l.TrimStart().StartsWith("crit:")).ShouldBeEmpty(output);
    }

    public Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Negotiations.dll")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory
        };
        start.Environment["ConnectionStrings__Marten"] = TestDatabase.ConnectionString;
        start.Environment["Negotiations__Schema"] = _schema;
        start.Environment["Negotiations__LoadDemoScenario"] = "true";
        start.Environment["Negotiations__AnonymousRole"] = "viewer";
        start.Environment["Negotiations__ShutdownTimeout"] = ShutdownTimeout.ToString("c");
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        _app = new Process { StartInfo = start };
        _app.OutputDataReceived += (_, e) => Heard(e.Data);
        _app.ErrorDataReceived += (_, e) => Heard(e.Data);
        _app.Start();
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        return Task.CompletedTask;
    }

    private void Heard(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        if (Listening().Match(line) is { Success: true } listening) _listening.TrySetResult(listening.Groups[1].Value);
        if (line.Contains("Demo scenario loaded")) _demoLoaded.TrySetResult();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();

    public async Task DisposeAsync()
    {
        if (!_app.HasExited) _app.Kill(entireProcessTree: true);
        _app.Dispose();
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists \"{_schema}\" cascade", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
