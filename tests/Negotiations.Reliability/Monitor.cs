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
        if (await SendAsync("/api/understandings", body, stop) is { } answer && answer.Status == HttpStatusCode.Created)
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

    /// <summary>One command, sent until it is answered (or the run stops).</summary>
    public async Task StepAsync(CancellationToken stop)
    {
        var i = sent++;
        if (i % 4 == 3)
        {
            var statement = Guid.CreateVersion7();
            if (await SendAsync("/api/statements", Bodies.Statement(statement, Understanding, i), stop) is { Status: HttpStatusCode.Created })
                ledger.Acknowledged(new Ack(statement, 1, "MakeStatement"));
            return;
        }
        var answer = await SendAsync($"/api/understandings/{Understanding}/stage", Bodies.ChangeStage(version, i), stop);
        if (answer is { Status: HttpStatusCode.OK })
        {
            version = JsonDocument.Parse(answer.Body).RootElement.GetProperty("version").GetInt64();
            ledger.Acknowledged(new Ack(Understanding, version, "ChangeStage"));
        }
        else if (answer is { Status: HttpStatusCode.Conflict })
        {
            using var current = await Node.GetAsync($"/api/understandings/{Understanding}", stop);
            version = JsonDocument.Parse(await current.Content.ReadAsStringAsync(stop)).RootElement.GetProperty("version").GetInt64();
        }
    }

    private HttpClient Node => nodes[node];

    private sealed record Reply(HttpStatusCode Status, string Body);

    private async Task<Reply?> SendAsync(string path, string body, CancellationToken stop)
    {
        var key = Guid.NewGuid().ToString();
        for (var attempt = 0; !stop.IsCancellationRequested; attempt++)
        {
            if (attempt > 0)
            {
                ledger.Retried();
                try { await Task.Delay(100, stop); } catch (OperationCanceledException) { return null; }
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
