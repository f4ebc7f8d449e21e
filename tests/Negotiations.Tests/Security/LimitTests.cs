using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Security;

public sealed class TightLimitsFixture : AppFixture
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Negotiations:Limits:Burst", "5");
        builder.UseSetting("Negotiations:Limits:PermitsPerSecond", "1");
        builder.UseSetting("Negotiations:Limits:MaxBodyBytes", "4096");
        builder.UseSetting("Negotiations:Limits:MaxImportLines", "3");
    }
}

public class LimitTests(TightLimitsFixture app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<TightLimitsFixture>
{
    private static Dictionary<string, string> As(string key) => new() { ["Authorization"] = $"Bearer {key}" };

    [Fact]
    public async Task A_caller_over_its_rate_gets_429_with_retry_after_while_another_key_is_still_served()
    {
        var replies = new List<Reply>();
        for (var i = 0; i < 12; i++) replies.Add(await app.Send(HttpMethod.Get, "/api/status", null, As(TestKeys.Viewer)));

        var refused = replies.Where(r => r.Status == HttpStatusCode.TooManyRequests).ToList();
        refused.Count.ShouldBeGreaterThan(0);
        refused[0].ShouldBeProblem(HttpStatusCode.TooManyRequests);
        int.Parse(refused[0].Message.Headers.GetValues("Retry-After").Single()).ShouldBeGreaterThanOrEqualTo(1);

        (await app.Send(HttpMethod.Get, "/api/status", null, As(TestKeys.Auditor))).Status.ShouldNotBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task An_oversized_command_is_a_413_and_appends_nothing()
    {
        var before = await app.EventCount();
        var huge = Given.DemilitarisedZone() with { Title = new string('x', 10_000) };

        var body = System.Text.Json.JsonSerializer.Serialize(huge, Api.Json);

        (await app.PostRaw("/api/understandings", body, headers: As(TestKeys.Monitor))).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);

        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task An_import_applies_at_most_its_line_limit_and_reads_nothing_after_it()
    {
        var before = await app.EventCount();
        var lines = Enumerable.Range(0, 5).Select(_ =>
            System.Text.Json.JsonSerializer.Serialize(Given.DemilitarisedZone(Guid.CreateVersion7()), Api.Json).Replace("{\"title\"", "{\"command\":\"ProposeUnderstanding\",\"title\""));

        var reply = await app.PostRaw("/api/import", string.Join("\n", lines), "application/x-ndjson", As(TestKeys.Monitor));

        var results = (await reply.Message.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!).ToList();
        results.Take(4).Select(r => r["status"]!.GetValue<int>()).ShouldBe([201, 201, 201, 413]);
        results[3]["result"]!["detail"]!.GetValue<string>().ShouldContain("at most 3 lines");
        results[^1]["summary"]!["applied"]!.GetValue<int>().ShouldBe(3);
        (await app.EventCount()).ShouldBe(before + 3);
    }

    [Fact]
    public async Task One_abusive_key_does_not_starve_another_and_the_figures_say_so()
    {
        var alone = new List<double>();
        for (var i = 0; i < 2; i++) alone.Add(await Timed(TestKeys.Everything));

        using var flood = new CancellationTokenSource();
        var abuser = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        var abusers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!flood.IsCancellationRequested) abuser.Add((await app.Send(HttpMethod.Get, "/api/status", null, As(TestKeys.Viewer))).Status);
        })).ToList();
        while (abuser.Count(s => s == HttpStatusCode.TooManyRequests) < 20) await Task.Yield();

        var polite = new List<(HttpStatusCode Status, double Ms)>();
        for (var i = 0; i < 3; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var status = (await app.Send(HttpMethod.Get, "/api/status", null, As(TestKeys.Everything))).Status;
            polite.Add((status, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        }
        await flood.CancelAsync();
        await Task.WhenAll(abusers);

        var refused = abuser.Count(s => s == HttpStatusCode.TooManyRequests);
        output.WriteLine($"abusive key: {abuser.Count} requests from 8 loops, {refused} refused with 429 ({100.0 * refused / abuser.Count:0.0}%); " +
                         $"other key during the flood: {string.Join(", ", polite.Select(p => $"{(int)p.Status} in {p.Ms:0.0} ms"))}; the same alone: {string.Join(", ", alone.Select(a => $"{a:0.0} ms"))}");
        polite.ShouldAllBe(p => p.Status == HttpStatusCode.OK);
        refused.ShouldBeGreaterThan(abuser.Count / 2);
    }

    private async Task<double> Timed(string key)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        (await app.Send(HttpMethod.Get, "/api/status", null, As(key))).ShouldBe(HttpStatusCode.OK);
        return System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
