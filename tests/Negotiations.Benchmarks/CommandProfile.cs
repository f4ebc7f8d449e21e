using System.Diagnostics;

namespace Negotiations.Benchmarks;

/// <summary>
/// A CPU profile of the application while it answers ChangeStage over HTTP: starts it on a fresh schema (with perf maps,
/// so that JIT-compiled methods have names), warms it up, then samples its process with perf for the window while the
/// clients send commands, and prints where its CPU goes, by method (exclusive) and by the caller chains that matter
/// (inclusive: the daemon, the chain writer, Kestrel, Wolverine, Marten, Npgsql, System.Text.Json, the JIT, the GC).
/// Usage: dotnet run -c Release --project tests/Negotiations.Benchmarks -- --profile-commands [clients] [seconds] [--published] [--perf]
/// --published runs the ReadyToRun publish (eventstore-scripts/publish) instead of the build; without --perf only the CPU per
/// command is measured (perf needs Debian's linux-perf, and root or perf_event_paranoid <= 1).
/// </summary>
public static class CommandProfile
{
    public static async Task<int> RunAsync(Settings settings, string[] args)
    {
        var numbers = args.SkipWhile(a => a != "--profile-commands").Skip(1).TakeWhile(a => !a.StartsWith("--"))
            .Select(a => int.TryParse(a, out var n) ? n : 0).ToList();
        var clients = numbers.ElementAtOrDefault(0) is > 0 and var c ? c : 16;
        var seconds = numbers.ElementAtOrDefault(1) is > 0 and var s ? s : 15;
        var db = new Database(settings.ConnectionString);
        var schema = "bench_" + Guid.NewGuid().ToString("N")[..10];
        var data = Path.Combine(Path.GetTempPath(), $"{schema}.perf.data");
        try
        {
            var sampled = args.Contains("--perf");
            await using var app = AppProcess.Start(settings.ConnectionString, schema, "Static",
                sampled ? new Dictionary<string, string> { ["DOTNET_PerfMapEnabled"] = "1", ["DOTNET_EnableWriteXorExecute"] = "0" } : null,
                args.Contains("--published") ? AppProcess.PublishedDll : null);
            await app.WaitHealthyAsync(TimeSpan.FromMinutes(3));
            // Long enough for tiered compilation to settle on the hot methods.
            await Load.RunAsync(clients, TimeSpan.FromSeconds(10), async _ => await HttpCommandClient.CreateAsync(app.Http));
            using var perf = !sampled ? null : Process.Start(new ProcessStartInfo("perf",
                ["record", "-F", "499", "-g", "-p", app.ProcessId.ToString(), "-o", data, "--", "sleep", seconds.ToString()])
            {
                RedirectStandardOutput = true, RedirectStandardError = true
            })!;
            var (result, cpu) = await CpuUse.MeasureAsync(settings.ConnectionString,
                () => Load.RunAsync(clients, TimeSpan.FromSeconds(seconds), async _ => await HttpCommandClient.CreateAsync(app.Http)), app.ProcessId);
            if (perf is not null) await perf.WaitForExitAsync();
            Console.WriteLine($"{clients} client(s), {seconds} s: {Format.Rate(result.PerSecond, "cmd")}, {result.Latencies.Summary}, " +
                              $"{cpu.PerCommand}, load average {Harness.LoadAverage()}");
            if (perf is null) return 0;
            Console.WriteLine(await PerfAsync(["report", "-i", data, "--no-children", "--sort", "dso", "--stdio", "-g", "none"]));
            Console.WriteLine(await PerfAsync(["report", "-i", data, "--no-children", "--sort", "symbol", "--stdio", "--percent-limit", "0.7", "-g", "none"]));
            Console.WriteLine(await PerfAsync(["report", "-i", data, "--children", "--sort", "symbol", "--stdio", "--percent-limit", "3", "-g", "none"]));
            Console.WriteLine($"perf data: {data}");
        }
        finally
        {
            await db.DropSchemaAsync(schema);
        }
        return 0;
    }

    private static async Task<string> PerfAsync(string[] arguments)
    {
        using var report = Process.Start(new ProcessStartInfo("perf", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var text = await report.StandardOutput.ReadToEndAsync();
        await report.WaitForExitAsync();
        return string.Join('\n', text.Split('\n').Where(line => line.Length > 0 && !line.StartsWith('#')).Select(line => line.Length > 170 ? line[..170] : line));
    }
}
