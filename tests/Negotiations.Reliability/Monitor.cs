using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Negotiations.Reliability;

/// <summary>
/// A monitor logging developments about its own understanding: stage changes sent with the version it holds,
/// and now and then a statement about it. Every command carries an Idempotency-Key; when no answer comes
/// (the application or PostgreSQL is down) the very same command is sent again with the same key, to the next
/// node if there are several, until it is answered. Every 2xx goes into the ledger.
/// </summary>
public sealed class Monitor(IReadOnlyList<HttpClient> nodes, Ledger ledger, int index)
{
    private int node = index % nodes.Count;
    private long version;
    private int sent;

    public Guid Understanding { get; } = Guid.CreateVersion7();

    public async Task ProposeAsync(CancellationToken stop)
    {
        var body = Bodies.Propose(Understanding, $"Understanding of monitor {index}");
        if (await SendAsync("/api/understandings", body, Guid.NewGuid().ToString(), stop) is { } answer && answer.Status == HttpStatusCode.Created)
        {
            version = 1;
            ledger.Acknowledged(new Ack(Understanding, 1, "ProposeUnderstanding"));
        }
        else if (!stop.IsCancellationRequested) throw new InvalidOperationException($"monitor {index}: the proposal was not accepted");
    }

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested) await StepAsync(stop);
    }

    /// <summary>
    /// One command, sent until it is answered. When the run stops first, the command stays pending and is sent
    /// again, with the same key, when the monitor starts again: a client that was never answered retries.
    /// </summary>
    public async Task StepAsync(CancellationToken stop)
    {
        pending ??= Next();
        var (path, body, key, statement) = pending;
        var answer = await SendAsync(path, body, key, stop);
        if (answer is null) return; // stopped: still pending
        pending = null;
        if (statement is { } id)
        {
            if (answer.Status == HttpStatusCode.Created) ledger.Acknowledged(new Ack(id, 1, "MakeStatement"));
            return;
        }
        if (answer.Status == HttpStatusCode.OK)
        {
            version = JsonDocument.Parse(answer.Body).RootElement.GetProperty("version").GetInt64();
            ledger.Acknowledged(new Ack(Understanding, version, "ChangeStage"));
        }
        else if (answer.Status == HttpStatusCode.Conflict)
        {
            if (!answer.Body.Contains("still being processed"))
                Console.WriteLine($"  monitor {index}: 409 for version {version}: {answer.Body[..Math.Min(300, answer.Body.Length)]}");
            using var current = await Node.GetAsync($"/api/understandings/{Understanding}", CancellationToken.None);
            version = JsonDocument.Parse(await current.Content.ReadAsStringAsync(CancellationToken.None)).RootElement.GetProperty("version").GetInt64();
        }
    }

    private sealed record Command(string Path, string Body, string Key, Guid? Statement);

    private Command? pending;

    private Command Next()
    {
        var i = sent++;
        var key = Guid.NewGuid().ToString();
        if (i % 4 != 3) return new Command($"/api/understandings/{Understanding}/stage", Bodies.ChangeStage(version, i), key, null);
        var statement = Guid.CreateVersion7();
        return new Command("/api/statements", Bodies.Statement(statement, Understanding, i), key, statement);
    }

    private HttpClient Node => nodes[node];

    private sealed record Reply(HttpStatusCode Status, string Body);

    private double? stillProcessingSince;

    private async Task<Reply?> SendAsync(string path, string body, string key, CancellationToken stop)
    {
        stillProcessingSince = null;
        for (var attempt = 0; !stop.IsCancellationRequested; attempt++)
        {
            if (attempt > 0)
            {
                ledger.Retried();
                try { await Task.Delay(Math.Min(100 * attempt, 1_000), stop); } catch (OperationCanceledException) { return null; }
            }
            var started = ledger.Now;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")) };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await Node.SendAsync(request, CancellationToken.None);
                var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
                var status = (int)response.StatusCode;
                ledger.Answered(started, status);
                if (Ledger.Success(status)) return new Reply(response.StatusCode, text);
                // A claim left by an attempt that never finished (its node or PostgreSQL went away): "retry later".
                if (response.StatusCode == HttpStatusCode.Conflict && text.Contains("still being processed"))
                {
                    ledger.StillProcessing();
                    stillProcessingSince ??= ledger.Now;
                    if (ledger.Now - stillProcessingSince < 5) continue;
                    // The claim does not expire soon: give the key up, read the version back and go on, as a client would.
                    ledger.KeyAbandoned();
                    stillProcessingSince = null;
                    return new Reply(HttpStatusCode.Conflict, text);
                }
                if (response.StatusCode == HttpStatusCode.Conflict) { ledger.Conflict(); return new Reply(response.StatusCode, text); }
                if (status is >= 400 and < 500 && status != 429)
                {
                    ledger.Refused();
                    Console.WriteLine($"  monitor {index}: {status} for {path}: {text[..Math.Min(300, text.Length)]}");
                    return new Reply(response.StatusCode, text);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                ledger.Answered(started, 0);
                node = (node + 1) % nodes.Count; // the node is down: the next one
            }
        }
        return null;
    }
}

/// <summary>The JSON of the commands the monitors send.</summary>
public static class Bodies
{
    private static string Provenance(int i) =>
        $$$"""{"sources":[{"name":"Syrian Ministry of Foreign Affairs","kind":"government","citation":"Field report {{{i}}}","published":"2025-09-15","reliability":"B","credibility":3}],"occurred":{"from":"2025-09-15","precision":"day"}}""";

    public static string Propose(Guid id, string title) =>
        $$"""{"understandingId":"{{id}}","title":"{{title}}","kind":"security-understanding","parties":[{"name":"Syria","role":"party"},{"name":"Israel","role":"party"},{"name":"United States","role":"mediator"}],"stage":"pre-negotiation","provenance":{{Provenance(0)}}}""";

    /// <summary>A stage change that alternates with the version, so that every command appends one event.</summary>
    public static string ChangeStage(long expectedVersion, int i) =>
        $$"""{"stage":"{{(expectedVersion % 2 == 0 ? "ceasefire" : "framework-partial")}}","version":{{expectedVersion}},"provenance":{{Provenance(i)}}}""";

    public static string Statement(Guid id, Guid understanding, int i) =>
        $$"""{"statementId":"{{id}}","speaker":"Speaker {{i % 7}}","onBehalfOf":"Syria","role":"party","summary":"Talks are progressing towards a deal on the south ({{i}}).","understandingIds":["{{understanding}}"],"provenance":{{Provenance(i)}}}""";
}
