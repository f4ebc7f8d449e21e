using System.Diagnostics;
using System.Text;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.CommandLine;

/// <summary>The built application run as a child process on a schema of its own, as a script would run it.</summary>
public sealed class CommandProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly Task _reading;
    private readonly SemaphoreSlim _errorGrew = new(0);

    private CommandProcess(ProcessStartInfo start)
    {
        _process = Process.Start(start)!;
        _reading = Task.WhenAll(Pump(_process.StandardOutput, _output, null), Pump(_process.StandardError, _error, _errorGrew));
    }

    /// <summary>Starts the command in a folder; the environment names the database unless it is given.</summary>
    public static CommandProcess Start(string folder, string schema, string[] args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Negotiations.dll"), .. args])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder
        };
        start.Environment["ConnectionStrings__Marten"] = TestDatabase.ConnectionString;
        start.Environment["Negotiations__Schema"] = schema;
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>()) start.Environment[name] = value;
        return new CommandProcess(start);
    }

    public static async Task<(int Code, string Output, string Error)> RunAsync(string folder, string schema, params string[] args)
    {
        using var command = Start(folder, schema, args);
        command.Input.Close();
        return await command.ExitAsync();
    }

    public int Id => _process.Id;
    public StreamWriter Input => _process.StandardInput;

    public async Task<(int Code, string Output, string Error)> ExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        await _reading;
        return (_process.ExitCode, _output.ToString(), _error.ToString());
    }

    /// <summary>Waits until standard error holds the text (or the process ends without it).</summary>
    public async Task<bool> ErrorShowsAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            lock (_error) if (_error.ToString().Contains(text)) return true;
            if (_process.HasExited) { await _reading; lock (_error) return _error.ToString().Contains(text); }
            await _errorGrew.WaitAsync(TimeSpan.FromSeconds(1), timeout.Token);
        }
    }

    /// <summary>The TCP sockets this process listens on, from its open files and the kernel's socket tables.</summary>
    public IReadOnlyList<string> ListeningSockets()
    {
        var inodes = Directory.EnumerateFileSystemEntries($"/proc/{Id}/fd")
            .Select(fd => new FileInfo(fd).LinkTarget)
            .Where(target => target?.StartsWith("socket:[") == true)
            .Select(target => target!["socket:[".Length..^1])
            .ToHashSet();
        return new[] { "tcp", "tcp6" }
            .SelectMany(table => File.ReadLines($"/proc/{Id}/net/{table}").Skip(1))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields[3] == "0A" && inodes.Contains(fields[9]))
            .Select(fields => fields[1])
            .ToList();
    }

    private static async Task Pump(StreamReader reader, StringBuilder into, SemaphoreSlim? grew)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (into) into.AppendLine(line);
            grew?.Release();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
