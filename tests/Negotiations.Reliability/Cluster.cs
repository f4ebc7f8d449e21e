using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Negotiations.Reliability;

/// <summary>
/// A throwaway PostgreSQL cluster of the run's own (Debian's binaries, a free loopback port, trust on loopback,
/// data under /var/tmp), so that restarts and crashes never touch anybody else's database. Removed at the end.
/// </summary>
public sealed class Cluster : IDisposable
{
    public const string Database = "negotiations";

    private readonly string bin, dir, data, socket;
    private bool removed;

    public int Port { get; }

    private Cluster(string bin, string dir, int port)
    {
        this.bin = bin;
        this.dir = dir;
        data = Path.Combine(dir, "data");
        socket = Path.Combine(dir, "socket");
        Port = port;
    }

    /// <summary>The connection string of the application; checks use their own, unpooled.</summary>
    public string ConnectionString(string? applicationName = null) =>
        $"Host=127.0.0.1;Port={Port};Database={Database};Username=postgres" + (applicationName is null ? "" : $";Application Name={applicationName}");

    public string CheckConnectionString => ConnectionString("reliability-checks") + ";Pooling=false;Timeout=5";

    public static async Task<Cluster> CreateAsync()
    {
        var bin = FindBin() ?? throw new InvalidOperationException(
            "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin: install Debian's postgresql package (eventstore-scripts/reliability does)");
        var dir = $"/var/tmp/negotiations-reliability-{Guid.NewGuid().ToString("N")[..10]}";
        var cluster = new Cluster(bin, dir, FreePort());
        Cleanup.Register(cluster.Dispose);
        Directory.CreateDirectory(cluster.data);
        Directory.CreateDirectory(cluster.socket);
        if (IsRoot)
        {
            await Shell.RunAsync("chown", ["-R", "postgres:", dir]);
            await Shell.RunAsync("chmod", ["700", cluster.data]);
        }
        await cluster.AsOwnerAsync($"{bin}/initdb -D {cluster.data} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8");
        await cluster.StartAsync();
        await using (var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={cluster.Port};Database=postgres;Username=postgres;Pooling=false"))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {Database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return cluster;
    }

    public Task StartAsync() => AsOwnerAsync(
        $"{bin}/pg_ctl -D {data} -l {data}/server.log -w -t 60 " +
        $"-o \"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={socket} -c max_connections=300\" start");

    /// <summary>A clean restart: sessions are ended, the server stops and starts again.</summary>
    public Task RestartFastAsync() => AsOwnerAsync($"{bin}/pg_ctl -D {data} -l {data}/server.log -m fast -w -t 60 restart");

    /// <summary>An immediate-mode stop: every process quits at once, as in a crash; the next start recovers from the WAL.</summary>
    public Task CrashAsync() => AsOwnerAsync($"{bin}/pg_ctl -D {data} -m immediate -w stop");

    public async Task<string> VersionAsync()
    {
        await using var connection = new NpgsqlConnection(CheckConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("show server_version", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private Task AsOwnerAsync(string command) =>
        IsRoot ? Shell.RunAsync("su", ["postgres", "-s", "/bin/sh", "-c", command]) : Shell.RunAsync("/bin/sh", ["-c", command]);

    private readonly Lock removing = new();

    /// <summary>Stops and removes the cluster; a second caller (Ctrl-C during the end of the run) waits for the first.</summary>
    public void Dispose()
    {
        lock (removing) Remove();
    }

    private void Remove()
    {
        if (removed) return;
        removed = true;
        try
        {
            var stop = $"{bin}/pg_ctl -D {data} -m immediate -w stop";
            var info = IsRoot ? new ProcessStartInfo("su", ["postgres", "-s", "/bin/sh", "-c", stop]) : new ProcessStartInfo("/bin/sh", ["-c", stop]);
            info.RedirectStandardOutput = info.RedirectStandardError = true;
            using (var process = Process.Start(info)) process?.WaitForExit(30_000);
            Directory.Delete(dir, recursive: true);
            Console.WriteLine($"PostgreSQL cluster on port {Port} stopped and removed ({dir})");
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Could not remove the cluster in {dir}: {e.Message}");
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string? FindBin() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin"))
                .FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")))
            : null;

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

public static class Shell
{
    public static async Task RunAsync(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}");
    }
}

/// <summary>What must be undone however the run ends: a failure, Ctrl-C, or the end of Main.</summary>
public static class Cleanup
{
    private static readonly List<Action> actions = [];
    private static int done;

    private static readonly System.Runtime.InteropServices.PosixSignalRegistration[] signals =
    [
        System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Interrupted),
        System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Interrupted),
    ];

    static Cleanup() => AppDomain.CurrentDomain.ProcessExit += (_, _) => RunAll();

    private static void Interrupted(System.Runtime.InteropServices.PosixSignalContext context)
    {
        Console.Error.WriteLine($"{context.Signal}: stopping the application processes and removing the cluster");
        RunAll();
        Environment.Exit(130);
    }

    public static void Register(Action action) { lock (actions) actions.Add(action); }

    public static void RunAll()
    {
        if (Interlocked.Exchange(ref done, 1) == 1) return;
        Action[] all;
        lock (actions) all = actions.AsEnumerable().Reverse().ToArray();
        foreach (var action in all)
            try { action(); } catch (Exception e) { Console.Error.WriteLine(e.Message); }
    }
}
