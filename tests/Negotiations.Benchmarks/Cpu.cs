using System.Diagnostics;

namespace Negotiations.Benchmarks;

/// <summary>
/// CPU time spent during a load window by PostgreSQL (every process named postgres), by this process (the clients,
/// and plain Marten's commands) and by the application's process: on two cores shared by all three, what a command
/// costs in CPU is what bounds the rate.
/// </summary>
public sealed record CpuUse(TimeSpan Postgres, TimeSpan Harness, TimeSpan Application, long Commands)
{
    public static async Task<(LoadResult Result, CpuUse Cpu)> MeasureAsync(Func<Task<LoadResult>> run, int? applicationPid = null)
    {
        var before = Snapshot(applicationPid);
        var result = await run();
        var after = Snapshot(applicationPid);
        return (result, new CpuUse(after.Postgres - before.Postgres, after.Harness - before.Harness, after.Application - before.Application,
            result.Ok));
    }

    public CpuUse Plus(CpuUse other) =>
        new(Postgres + other.Postgres, Harness + other.Harness, Application + other.Application, Commands + other.Commands);

    public string PerCommand => Commands == 0 ? "no command" :
        $"CPU per command: PostgreSQL {Ms(Postgres)}, application {Ms(Application)}, harness {Ms(Harness)}";

    private string Ms(TimeSpan time) => $"{time.TotalMilliseconds / Commands:0.00} ms";

    private static (TimeSpan Postgres, TimeSpan Harness, TimeSpan Application) Snapshot(int? applicationPid) =>
        (PostgresTime(), Process.GetCurrentProcess().TotalProcessorTime, applicationPid is { } pid ? ProcessTime(pid) : TimeSpan.Zero);

    private static TimeSpan PostgresTime()
    {
        var total = TimeSpan.Zero;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(directory, "comm")).Trim() == "postgres") total += ProcessTime(pid);
            }
            catch (IOException) { } // the process ended meanwhile
            catch (UnauthorizedAccessException) { }
        }
        return total;
    }

    /// <summary>utime + stime of /proc/PID/stat, in clock ticks of 10 ms (USER_HZ is 100 on Linux).</summary>
    private static TimeSpan ProcessTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return TimeSpan.FromMilliseconds((long.Parse(fields[11]) + long.Parse(fields[12])) * 10);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }
}
