using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Negotiations.Operations.Demo;
using Negotiations.Operations.Import;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.Tests.Support;
using Xunit.Abstractions;

namespace Negotiations.Tests.Resilience;

/// <summary>
/// A monitor's client that retries: every command of the demo scenario is sent three times with one
/// Idempotency-Key, one after another, all at once, or after the client gave up on the first. The store
/// holds each development once, every repeat gets the first answer, and the key with another body is refused.
/// </summary>
public class RetryTests(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    // Marten appends tombstones for the sequence numbers of an append that failed at commit, e.g. a first attempt
    // the client gave up on that loses to its retry after this line was measured: not developments.
    private const string AllEvents = "select count(*) from {0}.mt_events where type <> 'tombstone'";

    private enum Retry { OneAfterAnother, AllAtOnce, AfterClientTimeout }

    private sealed record Answer(HttpStatusCode Status, string Body, string? Location);

    [Fact]
    public async Task Every_command_sent_three_times_with_one_key_is_stored_once_and_another_body_is_refused()
    {
        var lines = ScenarioLines();
        var stats = new Dictionary<string, int>();
        void Count(string what) => stats[what] = stats.GetValueOrDefault(what) + 1;
        using var client = app.Client();

        for (var i = 0; i < lines.Count; i++)
        {
            var (path, body) = lines[i];
            var key = Guid.NewGuid().ToString();
            var retry = (Retry)(i % 3);
            Answer[] answers;
            switch (retry)
            {
                case Retry.OneAfterAnother:
                    answers = [await SendAsync(client, path, body, key), await SendAsync(client, path, body, key), await SendAsync(client, path, body, key)];
                    break;
                case Retry.AllAtOnce:
                    // The key's claim is written in the command's own transaction: a repeat that arrives while the first
                    // still runs runs too. Only one commits; a repeat whose commit fails is answered from the first's
                    // claim, one refused before its commit because the first had just committed is a 409, and once the
                    // first has finished every repeat gets its answer. It never runs the command a second time.
                    var racing = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => SendAsync(client, path, body, key))));
                    var raced = racing.Where(a => a.Status == HttpStatusCode.Conflict).ToList();
                    foreach (var _ in raced) Count("409 while the first still ran");
                    answers = [.. racing.Except(raced), await SettledAsync(client, path, body, key, Count)];
                    break;
                default:
                    // The client gives up almost at once, whether or not the server goes on to commit; then it retries.
                    using (var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(1 + i * 7 % 40)))
                    {
                        try
                        {
                            await SendAsync(client, path, body, key, impatient.Token);
                            Count("first attempt answered before the timeout");
                        }
                        catch (OperationCanceledException)
                        {
                            Count("first attempt timed out");
                        }
                    }
                    // The server may still be running the first attempt when the retry arrives (see AllAtOnce).
                    answers = [await SettledAsync(client, path, body, key, Count), await SendAsync(client, path, body, key)];
                    break;
            }

            Count($"sent {retry}");
            foreach (var answer in answers) Count($"status {(int)answer.Status}");
            answers[0].Status.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.Created], $"line {i + 1} ({retry}): {answers[0].Body}");
            foreach (var repeat in answers.Skip(1)) repeat.ShouldBe(answers[0], $"line {i + 1} ({retry}): every repeat gets the first answer");

            var before = await CountAsync(AllEvents);
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var other = await SendAsync(client, path, AnotherBody(body), key);
                Count($"another body: {(int)other.Status}");
                other.Status.ShouldBe(HttpStatusCode.UnprocessableEntity, $"line {i + 1}: {other.Body}");
            }
            (await CountAsync(AllEvents)).ShouldBe(before);
        }

        var events = await CountAsync(AllEvents);
        var tombstones = await CountAsync("select count(*) from {0}.mt_events where type = 'tombstone'");
        var duplicates = await CountAsync("select coalesce(sum(n - 1), 0) from (select count(*) n from {0}.mt_events where type <> 'tombstone' group by stream_id, type, data having count(*) > 1) d");
        output.WriteLine($"retries: {lines.Count} commands, each sent 3 times with one key ({string.Join(", ", stats.Where(s => s.Key.StartsWith("sent")).Select(s => $"{s.Key[5..]} {s.Value}"))})");
        output.WriteLine($"  answers: {string.Join(", ", stats.Where(s => !s.Key.StartsWith("sent")).Select(s => $"{s.Key} x{s.Value}"))}");
        output.WriteLine($"  events stored {events} for {lines.Count} commands (one each), stored duplicates {duplicates}; Marten tombstones for the sequence numbers of refused appends {tombstones}");

        duplicates.ShouldBe(0);
        events.ShouldBe(lines.Count);
    }

    /// <summary>Resends until the answer is not a 409 of a repeat that raced the first attempt (a deadline, not a fixed wait).</summary>
    private static async Task<Answer> SettledAsync(HttpClient client, string path, string body, string key, Action<string> count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var answer = await SendAsync(client, path, body, key);
            if (answer.Status != HttpStatusCode.Conflict || DateTime.UtcNow > deadline) return answer;
            count("409 while the first still ran");
            await Task.Delay(50);
        }
    }

    /// <summary>The demo scenario as HTTP requests: each line goes to its command's path with the line as its body.</summary>
    private List<(string Path, string Body)> ScenarioLines()
    {
        var catalogue = app.Host.Services.GetRequiredService<CommandCatalogue>();
        using var reader = DemoScenario.Open();
        var lines = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var command = JsonNode.Parse(line)!.AsObject();
            var endpoint = catalogue.Commands[command["command"]!.GetValue<string>()];
            var values = CommandCatalogue.RouteParameters(endpoint).ToDictionary(p => p, p => command[p]!.ToString());
            lines.Add((CommandCatalogue.PathFor(endpoint, values), line));
        }
        return lines;
    }

    /// <summary>The same command with one more word in its first source's citation.</summary>
    private static string AnotherBody(string body)
    {
        var command = JsonNode.Parse(body)!.AsObject();
        var source = command["provenance"]!["sources"]![0]!.AsObject();
        source["citation"] = $"{source["citation"]} (as retold)";
        return command.ToJsonString();
    }

    private static async Task<Answer> SendAsync(HttpClient client, string path, string body, string key, CancellationToken cancellation = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request, cancellation);
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync(cancellation), response.Headers.Location?.ToString());
    }

    /// <summary>A count over the host's event tables. Marten fills the sequence numbers of an append that failed at commit with "tombstone" events of its own: they are not the product's.</summary>
    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(string.Format(sql, $"\"{app.Schema}\""), connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
