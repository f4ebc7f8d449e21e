using System.Diagnostics;
using System.Text;
using Negotiations.Reliability;

// The long reliability runs of issue 9 (3 crash, 4 PostgreSQL restart, 5 several nodes, 8 fixed-rate load),
// each against its own schema of a throwaway cluster; prints a summary table and, with --out, writes it as Markdown.
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(Options.Usage);
    return 0;
}
var options = Options.From(args);
var report = new Report();
var total = Stopwatch.StartNew();
if (AppProcess.Configuration != "Release") Console.WriteLine("WARNING: a Debug build; eventstore-scripts/reliability builds in Release.");

string machine;
using (var cluster = await Cluster.CreateAsync())
{
    machine = await Machine.DescribeAsync(cluster);
    Console.WriteLine($"Negotiations reliability, {(options.Quick ? "quick" : "default")} mode; PostgreSQL on 127.0.0.1:{cluster.Port}");
    Console.WriteLine(machine);
    var scenarios = new (string Key, string Title, Func<Task> Run)[]
    {
        ("crash", "(3) SIGKILL under load", () => new CrashScenario(cluster, options, report).RunAsync()),
        ("postgres", "(4) PostgreSQL restart and crash under load", () => new PostgresScenario(cluster, options, report).RunAsync()),
        ("nodes", "(5) three nodes, HotCold daemon, leader killed", () => new NodesScenario(cluster, options, report).RunAsync()),
        ("load", "(8) fixed-rate load", () => new FixedRateScenario(cluster, options, report).RunAsync()),
    };
    foreach (var (key, title, run) in scenarios.Where(s => options.Only.Contains(s.Key)))
    {
        Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {title} (load average {Machine.LoadAverage()})");
        var clock = Stopwatch.StartNew();
        try
        {
            await run();
        }
        catch (Exception e)
        {
            report.Add(title.Split(' ')[0], "scenario ran to the end", $"{e.GetType().Name}: {e.Message.Split('\n')[0]}", "", false);
            Console.WriteLine(e);
        }
        Console.WriteLine($"  ({clock.Elapsed.TotalSeconds:0} s)");
    }
}

var command = "eventstore-scripts/reliability" + (args.Length > 0 ? " " + string.Join(' ', args.Where(a => a != "--out" && a != options.Out)) : "");
var summary = new StringBuilder()
    .AppendLine($"Command: `{command.Trim()}`")
    .AppendLine()
    .AppendLine($"{machine}; load average at the end: {Machine.LoadAverage()}; run took {total.Elapsed.TotalMinutes:0.0} min")
    .AppendLine()
    .Append(report.Markdown())
    .ToString();
Console.WriteLine();
Console.WriteLine(report.Text());
if (options.Out is not null)
{
    await File.WriteAllTextAsync(options.Out, summary);
    Console.WriteLine($"Figures written to {options.Out}");
}
Cleanup.RunAll();
return report.Failed ? 1 : 0;

internal static class Machine
{
    public static async Task<string> DescribeAsync(Cluster cluster)
    {
        var memory = File.Exists("/proc/meminfo")
            ? (await File.ReadAllLinesAsync("/proc/meminfo")).First(l => l.StartsWith("MemTotal")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : "?";
        var gib = long.TryParse(memory, out var kb) ? $"{kb / 1024.0 / 1024:0.0} GiB" : "?";
        return $"Machine: {Environment.ProcessorCount} cores, {gib} memory, PostgreSQL {await cluster.VersionAsync()} (a throwaway cluster), " +
               $".NET {Environment.Version}, load average at the start: {LoadAverage()}";
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
