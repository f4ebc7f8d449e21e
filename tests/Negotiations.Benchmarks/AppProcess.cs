using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Negotiations.Benchmarks;

/// <summary>The real application as a child process: Kestrel on loopback, a port of its own, the run's schema.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Stopwatch sinceStart;
    private readonly Queue<string> output = new();

    public HttpClient Http { get; }
    public Uri Address { get; }

    private AppProcess(Process process, Stopwatch sinceStart, Uri address)
    {
        this.process = process;
        this.sinceStart = sinceStart;
        Address = address;
        Http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 256,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            UseProxy = false
        }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        Http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {BenchKey}");
    }

    /// <summary>The harness acts as one caller with every role; the rate limit is lifted so it measures the server, not the limiter.</summary>
    private const string BenchKey = "benchmark-key";

    public TimeSpan Elapsed => sinceStart.Elapsed;

    public int ProcessId => process.Id;

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

    /// <summary>The ReadyToRun build eventstore-scripts/publish writes: ahead-of-time compiled, what a deployment starts.</summary>
    public static string PublishedDll => Path.Combine(RepositoryRoot(), "src", "Negotiations", "bin", "publish", "Negotiations.dll");

    public static AppProcess Start(string connectionString, string schema, string typeLoadMode, IReadOnlyDictionary<string, string>? environment = null,
        string? dll = null)
    {
        var root = RepositoryRoot();
        var contentRoot = Path.Combine(root, "src", "Negotiations");
        dll ??= Path.Combine(contentRoot, "bin", Configuration, "net10.0", "Negotiations.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build the application first", dll);

        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false
        };
        info.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        info.Environment["ASPNETCORE_CONTENTROOT"] = contentRoot;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__Marten"] = connectionString;
        info.Environment["Negotiations__Schema"] = schema;
        info.Environment["Negotiations__TypeLoadMode"] = typeLoadMode;
        info.Environment["Negotiations__LoadDemoScenario"] = "false";
        info.Environment["Negotiations__ApiKeys__0__User"] = "benchmark";
        info.Environment["Negotiations__ApiKeys__0__KeyHash"] = Negotiations.Operations.Settings.ApiKey.Hash(BenchKey);
        info.Environment["Negotiations__ApiKeys__0__Roles__0"] = "monitor";
        info.Environment["Negotiations__ApiKeys__0__Roles__1"] = "auditor";
        info.Environment["Negotiations__ApiKeys__0__Roles__2"] = "viewer";
        info.Environment["Negotiations__Limits__Burst"] = "1000000";
        info.Environment["Negotiations__Limits__PermitsPerSecond"] = "1000000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;

        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new AppProcess(process, clock, address);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (output)
        {
            output.Enqueue(line);
            while (output.Count > 40) output.Dequeue();
        }
    }

    public string LastOutput { get { lock (output) return string.Join(Environment.NewLine, output); } }

    /// <summary>Polls /health until it answers 200; the time since the process was started.</summary>
    public async Task<TimeSpan> WaitHealthyAsync(TimeSpan timeout)
    {
        while (sinceStart.Elapsed < timeout)
        {
            if (process.HasExited) throw new InvalidOperationException($"The application exited ({process.ExitCode}):\n{LastOutput}");
            try
            {
                using var response = await Http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK) return sinceStart.Elapsed;
            }
            catch (HttpRequestException) { }
            await Task.Delay(10);
        }
        throw new TimeoutException($"No 200 from /health within {timeout}:\n{LastOutput}");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
