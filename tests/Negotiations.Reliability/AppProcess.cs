using System.Diagnostics;
using System.Net;

namespace Negotiations.Reliability;

/// <summary>
/// The real application as a child process: Kestrel on a free loopback port, the scenario's schema. As in the
/// benchmark harness, but it can be killed with SIGKILL and started again on the same port, and its memory read.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    /// <summary>The one caller of the runs, with every role; the rate limit is lifted so that it measures the server.</summary>
    public const string Key = "reliability-key";

    private readonly Dictionary<string, string> environment;
    private readonly Queue<string> output = new();
    private Process? process;
    private Stopwatch sinceStart = new();

    public string Name { get; }
    public Uri Address { get; }
    public HttpClient Http { get; }

    private AppProcess(string name, Uri address, Dictionary<string, string> environment)
    {
        Name = name;
        Address = address;
        this.environment = environment;
        Http = Client(address);
        Cleanup.Register(() => { try { process?.Kill(true); } catch { } });
    }

    public static HttpClient Client(Uri address)
    {
        var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 256,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromSeconds(2),
            UseProxy = false
        }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {Key}");
        return http;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Negotiations.sln"))) return dir.FullName;
        throw new InvalidOperationException("Negotiations.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    public static string ContentRoot => Path.Combine(RepositoryRoot(), "src", "Negotiations");

    public static string Dll => Path.Combine(ContentRoot, "bin", Configuration, "net10.0", "Negotiations.dll");

    /// <summary>The application's environment for a schema: every role for the run's key, no demo data, no rate limit.</summary>
    public static Dictionary<string, string> Environment(string connectionString, string schema, string daemon = "Solo") => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_CONTENTROOT"] = ContentRoot,
        ["ConnectionStrings__Marten"] = connectionString,
        ["Negotiations__Schema"] = schema,
        ["Negotiations__Daemon"] = daemon,
        ["Negotiations__LoadDemoScenario"] = "false",
        ["Negotiations__ApiKeys__0__User"] = "reliability",
        ["Negotiations__ApiKeys__0__KeyHash"] = Negotiations.Operations.Settings.ApiKey.Hash(Key),
        ["Negotiations__ApiKeys__0__Roles__0"] = "monitor",
        ["Negotiations__ApiKeys__0__Roles__1"] = "auditor",
        ["Negotiations__ApiKeys__0__Roles__2"] = "viewer",
        ["Negotiations__Limits__Burst"] = "1000000",
        ["Negotiations__Limits__PermitsPerSecond"] = "1000000",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning",
    };

    /// <summary>Starts the application and waits for /health to answer 200.</summary>
    public static async Task<AppProcess> StartAsync(string name, Dictionary<string, string> environment)
    {
        if (!File.Exists(Dll)) throw new FileNotFoundException("Build the application first", Dll);
        var app = new AppProcess(name, new Uri($"http://127.0.0.1:{Cluster.FreePort()}"), environment);
        await app.RestartAsync();
        return app;
    }

    /// <summary>Starts the process again on the same port, the same schema; waits for /health.</summary>
    public async Task<TimeSpan> RestartAsync()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Dll },
            WorkingDirectory = ContentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false
        };
        foreach (var (key, value) in environment) info.Environment[key] = value;
        info.Environment["ASPNETCORE_URLS"] = Address.ToString().TrimEnd('/');
        sinceStart = Stopwatch.StartNew();
        process?.Dispose();
        process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return await WaitHealthyAsync(TimeSpan.FromSeconds(90));
    }

    public int Pid => process?.Id ?? 0;

    public bool Running => process is { HasExited: false };

    /// <summary>SIGKILL: no shutdown, no flush, the process is gone at once.</summary>
    public async Task KillAsync()
    {
        if (process is null || process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>Resident memory of the process, from /proc/{pid}/status, in MiB.</summary>
    public double ResidentMiB()
    {
        var path = $"/proc/{Pid}/status";
        if (!File.Exists(path)) return double.NaN;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmRSS:"));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    private int outOfOrder;

    /// <summary>How often the process reported a projection shard progressing out of order: two daemons at work.</summary>
    public int OutOfOrder => outOfOrder;

    private void Keep(string? line)
    {
        if (line is null) return;
        if (line.Contains("OutOfOrder", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref outOfOrder);
        lock (output)
        {
            output.Enqueue(line);
            while (output.Count > 60) output.Dequeue();
        }
    }

    public string LastOutput { get { lock (output) return string.Join(System.Environment.NewLine, output); } }

    private async Task<TimeSpan> WaitHealthyAsync(TimeSpan timeout)
    {
        while (sinceStart.Elapsed < timeout)
        {
            if (process!.HasExited) throw new InvalidOperationException($"{Name} exited ({process.ExitCode}):\n{LastOutput}");
            try
            {
                using var response = await Http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK) return sinceStart.Elapsed;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(50);
        }
        throw new TimeoutException($"{Name}: no 200 from /health within {timeout}:\n{LastOutput}");
    }

    /// <summary>Runs a command of the application's command line (e.g. replay) against the same schema; its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> CommandAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ContentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false
        };
        info.ArgumentList.Add(Dll);
        foreach (var a in arguments) info.ArgumentList.Add(a);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output + await error).Trim());
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
        Http.Dispose();
    }
}
