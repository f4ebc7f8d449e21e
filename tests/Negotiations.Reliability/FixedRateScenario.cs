using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Negotiations.Reliability;

/// <summary>
/// (8) An open-loop load at a fixed rate for minutes: commands (stage changes with expected versions, spread over
/// many understandings so that none is sent while the previous one on the same stream is unanswered) plus reads
/// of the status and the timeline. A request is sent when its time comes, whether or not earlier ones were
/// answered, and its latency counts from that moment. Memory of the process and connections to PostgreSQL are
/// sampled throughout.
/// </summary>
public sealed class FixedRateScenario(Cluster cluster, Options options, Report report)
{
    private const string Name = "(8) fixed rate";

    private sealed class Stream(Guid id)
    {
        public Guid Id => id;
        public long Version = 1;
        public int Busy;
    }

    public async Task RunAsync()
    {
        const string schema = "reliability_load";
        var checks = new StoreChecks(cluster.CheckConnectionString, schema);
        await using var app = await AppProcess.StartAsync("load", AppProcess.Environment(cluster.ConnectionString("load"), schema));
        var streams = new List<Stream>();
        for (var i = 0; i < options.LoadStreams; i++)
        {
            var id = Guid.CreateVersion7();
            using var created = await app.Http.PostAsync("/api/understandings", Json(Bodies.Propose(id, $"Understanding {i}")));
            if ((int)created.StatusCode != 201) throw new InvalidOperationException($"propose: {(int)created.StatusCode}");
            streams.Add(new Stream(id));
        }

        await checks.WaitCaughtUpAsync(TimeSpan.FromMinutes(1)); // every status exists before it is read

        var commandLatencies = new ConcurrentBag<double>();
        var readLatencies = new ConcurrentBag<double>();
        long commandsOk = 0, commandsFailed = 0, readsOk = 0, readsFailed = 0, skipped = 0;
        var samples = new List<(double Seconds, double RssMiB, long Connections)>();
        var inFlight = new ConcurrentDictionary<Task, bool>();

        var duration = options.LoadDuration;
        var clock = Stopwatch.StartNew();
        var sampler = Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                samples.Add((clock.Elapsed.TotalSeconds, app.ResidentMiB(), await checks.ConnectionsAsync()));
                await Task.Delay(TimeSpan.FromSeconds(5));
            }
            samples.Add((clock.Elapsed.TotalSeconds, app.ResidentMiB(), await checks.ConnectionsAsync()));
        });

        var rate = options.CommandsPerSecond + options.ReadsPerSecond;
        var interval = 1.0 / rate;
        long n = 0;
        var next = 0;
        while (clock.Elapsed < duration)
        {
            var due = n * interval;
            var wait = due - clock.Elapsed.TotalSeconds;
            if (wait > 0.002) await Task.Delay(TimeSpan.FromSeconds(wait));
            var isRead = n % rate < options.ReadsPerSecond;
            n++;
            if (isRead)
            {
                var path = n % 2 == 0 ? $"/api/understandings/{streams[(int)(n % streams.Count)].Id}/status" : $"/api/timeline?understandingId={streams[(int)(n % streams.Count)].Id}";
                Track(inFlight, Send(() => app.Http.GetAsync(path), clock, due, readLatencies, ok => { if (ok) Interlocked.Increment(ref readsOk); else Interlocked.Increment(ref readsFailed); }));
                continue;
            }
            Stream? stream = null;
            for (var tries = 0; tries < streams.Count && stream is null; tries++)
            {
                var candidate = streams[next++ % streams.Count];
                if (Interlocked.CompareExchange(ref candidate.Busy, 1, 0) == 0) stream = candidate;
            }
            if (stream is null) { Interlocked.Increment(ref skipped); continue; }
            var s = stream;
            var body = Bodies.ChangeStage(s.Version, (int)n);
            Track(inFlight, Send(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/understandings/{s.Id}/stage") { Content = Json(body) };
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                var response = await app.Http.SendAsync(request);
                if (response.IsSuccessStatusCode)
                    s.Version = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetInt64();
                return response;
            }, clock, due, commandLatencies, ok =>
            {
                if (ok) Interlocked.Increment(ref commandsOk); else Interlocked.Increment(ref commandsFailed);
                Volatile.Write(ref s.Busy, 0);
            }));
        }
        var elapsed = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(inFlight.Keys);
        await sampler;

        var commands = commandsOk + commandsFailed + skipped;
        var errorRate = (commandsFailed + readsFailed + skipped) / (double)Math.Max(1, commands + readsOk + readsFailed);
        var cmd = commandLatencies.ToList();
        var reads = readLatencies.ToList();
        report.Add(Name, $"commands asked / held, {Format.S(duration)}", $"{options.CommandsPerSecond}/s asked, {Format.F(commandsOk / elapsed)}/s acknowledged " +
                                                                              $"({Format.N(commandsOk)}), {Format.N(skipped)} not sent (every stream busy)",
            $">= 99% of {options.CommandsPerSecond}/s", commandsOk / elapsed >= 0.99 * options.CommandsPerSecond);
        report.Add(Name, "reads asked / held (status of one understanding, its timeline page)", $"{options.ReadsPerSecond}/s asked, {Format.F(readsOk / elapsed)}/s answered");
        report.Add(Name, "error rate (commands and reads not 2xx, or not sent)", $"{Format.F(errorRate * 100, "0.00")}% ({commandsFailed + readsFailed + skipped})", "< 1%", errorRate < 0.01);
        report.Add(Name, "command latency from its scheduled time, p50 / p99 / max",
            $"{Format.Ms(Format.Percentile(cmd, 50))} / {Format.Ms(Format.Percentile(cmd, 99))} / {Format.Ms(cmd.DefaultIfEmpty().Max())}");
        report.Add(Name, "read latency from its scheduled time, p50 / p99", $"{Format.Ms(Format.Percentile(reads, 50))} / {Format.Ms(Format.Percentile(reads, 99))}");

        var start = samples.First();
        var middle = samples[samples.Count / 2];
        var end = samples.Last();
        var rssGrowth = (end.RssMiB - middle.RssMiB) / middle.RssMiB;
        report.Add(Name, "application RSS (MiB), start / middle / end",
            $"{Format.F(start.RssMiB, "0")} / {Format.F(middle.RssMiB, "0")} / {Format.F(end.RssMiB, "0")} (max {Format.F(samples.Max(x => x.RssMiB), "0")})",
            "stable: second half grows < 20%", rssGrowth < 0.20);
        report.Add(Name, "PostgreSQL connections (pg_stat_activity), start / middle / end",
            $"{start.Connections} / {middle.Connections} / {end.Connections} (max {samples.Max(x => x.Connections)})",
            "stable: end <= max of first half + 2", end.Connections <= samples.Take(samples.Count / 2 + 1).Max(x => x.Connections) + 2);
        Console.WriteLine("  samples (s, RSS MiB, connections): " + string.Join("; ", samples.Select(x => $"{x.Seconds:0} {x.RssMiB:0} {x.Connections}")));
    }

    private static void Track(ConcurrentDictionary<Task, bool> inFlight, Task task)
    {
        inFlight[task] = true;
        task.ContinueWith(t => inFlight.TryRemove(t, out _));
    }

    private static async Task Send(Func<Task<HttpResponseMessage>> send, Stopwatch clock, double due, ConcurrentBag<double> latencies, Action<bool> done)
    {
        var ok = false;
        try
        {
            using var response = await send();
            await response.Content.ReadAsByteArrayAsync();
            ok = response.IsSuccessStatusCode;
            if (!ok) Console.WriteLine($"  {(int)response.StatusCode} {response.RequestMessage?.RequestUri?.PathAndQuery}");
        }
        catch (Exception e)
        {
            Console.WriteLine($"  {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            done(ok);
        }
        if (ok) latencies.Add((clock.Elapsed.TotalSeconds - due) * 1000);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
