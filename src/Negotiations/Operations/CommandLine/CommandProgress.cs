using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Negotiations.Operations.CommandLine;

/// <summary>
/// Progress of a long command on standard error (standard output may carry the command's data): a bar with rate
/// and ETA on a terminal, a plain line every few seconds when standard error is redirected.
/// </summary>
public static class CommandProgress
{
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(5);

    /// <summary>Runs the work, which reports how many units it has done; total is null when unknown.</summary>
    public static async Task<T> RunAsync<T>(string command, string unit, long? total, Func<Action<long>, Task<T>> work)
    {
        if (Console.IsErrorRedirected) return await Plain(command, unit, total, work);

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(unit), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(command, maxValue: total is > 0 ? total.Value : 1);
                task.IsIndeterminate = total is null;
                var result = await work(done => task.Value = done);
                task.Value = task.MaxValue;
                task.StopTask();
                return result;
            });
    }

    private static async Task<T> Plain<T>(string command, string unit, long? total, Func<Action<long>, Task<T>> work)
    {
        var watch = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        var result = await work(done =>
        {
            if (watch.Elapsed - last < PlainEvery) return;
            last = watch.Elapsed;
            Console.Error.WriteLine(Line(command, unit, done, total, watch.Elapsed));
        });
        return result;
    }

    public static string Line(string command, string unit, long done, long? total, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        if (total is not > 0) return $"{command}: {done} {unit}, {rate:0} {unit}/s";
        var eta = rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, total.Value - done) / rate) : (TimeSpan?)null;
        return $"{command}: {done} of {total} {unit} ({100.0 * done / total.Value:0}%), {rate:0} {unit}/s, ETA {eta?.ToString(@"hh\:mm\:ss") ?? "unknown"}";
    }

    private sealed class RateColumn(string unit) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text($"{task.Speed ?? 0:0} {unit}/s");
    }
}
