using System.Diagnostics;

namespace Negotiations.Benchmarks;

/// <summary>
/// A CPU profile of the application while it answers ChangeStage over HTTP: starts it on a fresh schema, warms it up,
/// then runs dotnet-trace (sampling) on its process for the window while the clients send commands, and prints the
/// methods that take most of the samples (dotnet-trace report topN), exclusive and inclusive.
/// Usage: dotnet run -c Release --project tests/Negotiations.Benchmarks -- --profile-commands [clients] [seconds]
/// (needs dotnet-trace: dotnet tool install -g dotnet-trace)
/// </summary>
public static class CommandProfile
{
    public static async Task<int> RunAsync(Settings settings, string[] args)
    {
        var numbers = args.SkipWhile(a => a != "--profile-commands").Skip(1).TakeWhile(a => !a.StartsWith("--"))
            .Select(a => int.TryParse(a, out var n) ? n : 0).ToList();
        var clients = numbers.ElementAtOrDefault(0) is > 0 and var c ? c : 4;
        var seconds = numbers.ElementAtOrDefault(1) is > 0 and var s ? s : 15;
        var db = new Database(settings.ConnectionString);
        var schema = "bench_" + Guid.NewGuid().ToString("N")[..10];
        var trace = Path.Combine(Path.GetTempPath(), $"{schema}.nettrace");
        try
        {
            await using var app = AppProcess.Start(settings.ConnectionString, schema, "Static");
            await app.WaitHealthyAsync(TimeSpan.FromMinutes(3));
            await Load.RunAsync(clients, TimeSpan.FromSeconds(5), async _ => await HttpCommandClient.CreateAsync(app.Http)); // warm-up and JIT
            using var collector = Process.Start(new ProcessStartInfo("dotnet-trace",
                ["collect", "-p", app.ProcessId.ToString(), "--profile", "dotnet-sampled-thread-time", "--duration", $"00:00:00:{seconds + 1:00}", "-o", trace])
            {
                RedirectStandardOutput = true, RedirectStandardError = true
            })!;
            await Task.Delay(1000); // the session starts before the window it samples
            var result = await Load.RunAsync(clients, TimeSpan.FromSeconds(seconds), async _ => await HttpCommandClient.CreateAsync(app.Http));
            Console.WriteLine($"{clients} client(s), {seconds} s: {Format.Rate(result.PerSecond, "cmd")}, {result.Latencies.Summary}, load average {Harness.LoadAverage()}");
            await collector.WaitForExitAsync();
            foreach (var inclusive in new[] { false, true })
            {
                using var report = Process.Start(new ProcessStartInfo("dotnet-trace",
                    ["report", trace, "topN", "-n", "40", .. inclusive ? new[] { "--inclusive" } : []]) { RedirectStandardOutput = true })!;
                Console.WriteLine(await report.StandardOutput.ReadToEndAsync());
                await report.WaitForExitAsync();
            }
            Console.WriteLine($"trace: {trace}");
        }
        finally
        {
            await db.DropSchemaAsync(schema);
        }
        return 0;
    }
}
