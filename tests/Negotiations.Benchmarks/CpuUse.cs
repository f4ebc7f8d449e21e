using System.Diagnostics;

namespace Negotiations.Benchmarks;

/// <summary>
/// CPU time spent during a load window by PostgreSQL (the backends serving the harness's and the application's
/// connections, and the cluster's background processes), by this process (the clients,
/// and plain Marten's commands) and by the application's process: on two cores shared by all three, what a command
/// costs in CPU is what bounds the rate.
/// </summary>
public sealed record CpuUse(TimeSpan Postgres, TimeSpan Harness, TimeSpan Application, long Commands)
{
    public const string ApplicationName = "negotiations-benchmarks";

    public static async Task<(LoadResult Result, CpuUse Cpu)> MeasureAsync(string connectionString, Func<Task<LoadResult>> run, int? applicationPid = null)
    {
        var before = await SnapshotAsync(connectionString, applicationPid);
        var result = await run();
        var after = await SnapshotAsync(connectionString, applicationPid);
        return (result, new CpuUse(after.Postgres - before.Postgres, after.Harness - before.Harness, after.Application - before.Application,
            result.Ok));
    }

    public CpuUse Plus(CpuUse other) =>
        new(Postgres + other.Postgres, Harness + other.Harness, Application + other.Application, Commands + other.Commands);

    public string PerCommand => Commands == 0 ? "no command" :
        $"CPU per command: PostgreSQL {Ms(Postgres)}, application {Ms(Application)}, harness {Ms(Harness)}";

    private string Ms(TimeSpan time) => $"{time.TotalMilliseconds / Commands:0.00} ms";

    private static async Task<(TimeSpan Postgres, TimeSpan Harness, TimeSpan Application)> SnapshotAsync(string connectionString, int? applicationPid) =>
        (await PostgresTimeAsync(connectionString), Process.GetCurrentProcess().TotalProcessorTime,
            applicationPid is { } pid ? ProcessTime(pid) : TimeSpan.Zero);

    /// <summary>A backend that ends during the window takes its CPU time with it: connections are pooled, so few do.</summary>
    private static async Task<TimeSpan> PostgresTimeAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "select pid from pg_stat_activity where application_name = @name or backend_type <> 'client backend'", connection);
        command.Parameters.AddWithValue("name", ApplicationName);
        var total = TimeSpan.Zero;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) total += ProcessTime(reader.GetInt32(0));
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
