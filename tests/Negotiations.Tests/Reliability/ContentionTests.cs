using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Negotiations.Tests.Support;
using Negotiations.Understandings;
using Xunit.Abstractions;

namespace Negotiations.Tests.Resilience;

/// <summary>
/// Many monitors moving the same understandings at once, each sending back the version it read:
/// every attempt is either accepted or a 409, and the streams stay whole.
/// </summary>
public class ContentionTests(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private const int Writers = 16;
    private const int AttemptsPerWriter = 200;
    private const int Streams = 4;

    [Fact]
    public async Task Writers_racing_on_expected_versions_lose_nothing_and_duplicate_nothing()
    {
        var streams = new Guid[Streams];
        for (var i = 0; i < Streams; i++) streams[i] = (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created).Id;

        var accepted = new ConcurrentBag<(Guid Stream, long Version, PaxStage Stage)>();
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            using var client = app.Client();
            var stream = streams[writer % Streams];
            for (var attempt = 0; attempt < AttemptsPerWriter; attempt++)
            {
                var read = await client.GetFromJsonAsync<JsonObject>($"/api/understandings/{stream}", Api.Json);
                var version = read!["version"]!.GetValue<long>();
                var stage = read["stage"]!.GetValue<string>() == "ceasefire" ? PaxStage.Implementation : PaxStage.Ceasefire;

                using var response = await client.PostAsJsonAsync($"/api/understandings/{stream}/stage", new ChangeStage(stage, Given.Reported(), version), Api.Json);
                statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                if (response.StatusCode != HttpStatusCode.OK) continue;
                var answer = await response.Content.ReadFromJsonAsync<JsonObject>(Api.Json);
                accepted.Add((stream, answer!["version"]!.GetValue<long>(), stage));
            }
        })));
        clock.Stop();

        var attempts = Writers * AttemptsPerWriter;
        var conflicts = statuses.GetValueOrDefault(HttpStatusCode.Conflict);
        var stored = await StoredVersions.ReadAsync(app, streams);
        var acknowledged = accepted.Select(a => (a.Stream, a.Version)).ToHashSet();
        var lost = acknowledged.Count(a => !stored.Events.Contains(a));
        var unacknowledged = stored.Events.Count(e => e.Version > 1 && !acknowledged.Contains(e));

        output.WriteLine($"contention: {Writers} writers x {AttemptsPerWriter} attempts over {Streams} streams in {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine($"  attempts {attempts}, accepted {accepted.Count}, 409 conflicts {conflicts}, other statuses {string.Join(", ", statuses.Where(s => s.Key is not (HttpStatusCode.OK or HttpStatusCode.Conflict)).Select(s => $"{(int)s.Key}: {s.Value}"))}");
        output.WriteLine($"  duplicate (stream, version) {stored.Duplicates}, non-contiguous streams {stored.NonContiguous}, mt_streams off max(version) {stored.StreamsOffMax}, lost {lost}, appended without an answer {unacknowledged}");
        output.WriteLine($"  {attempts / clock.Elapsed.TotalSeconds:F0} attempts/s, conflict rate {100.0 * conflicts / attempts:F1} %");

        statuses.Keys.ShouldBeSubsetOf([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        (accepted.Count + conflicts).ShouldBe(attempts);
        accepted.Count.ShouldBeGreaterThan(0);
        acknowledged.Count.ShouldBe(accepted.Count, "two answers named the same stream version");
        stored.Duplicates.ShouldBe(0);
        stored.NonContiguous.ShouldBe(0);
        stored.StreamsOffMax.ShouldBe(0);
        lost.ShouldBe(0);
        unacknowledged.ShouldBe(0);
    }
}
