using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Feed;

/// <summary>One server-sent event as a client parses it.</summary>
public sealed record Sse(string? Id, string Type, string Data)
{
    public JsonNode Json => JsonNode.Parse(Data)!;
    public long Sequence => long.Parse(Id!);
}

/// <summary>
/// A client of the live feed reading the response stream of the test host, parsing events as
/// EventSource does (id, event, data lines; a blank line ends an event; ':' lines are comments).
/// </summary>
public sealed class FeedClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly HttpClient _client;
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private FeedClient(HttpClient client, HttpResponseMessage response, StreamReader reader) =>
        (_client, _response, _reader) = (client, response, reader);

    public HttpResponseMessage Response => _response;

    /// <summary>Every line read so far, as sent.</summary>
    public StringBuilder Raw { get; } = new();

    public static async Task<FeedClient> ConnectAsync(AppFixture app, string url = "/api/feed", long? lastEventId = null)
    {
        var client = app.Client(TestKeys.Viewer);
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null) request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId.ToString());
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        return new FeedClient(client, response, reader);
    }

    /// <summary>The next event of any type, or a failure after a generous deadline.</summary>
    public async Task<Sse?> NextAsync(TimeSpan? patience = null)
    {
        using var deadline = new CancellationTokenSource(patience ?? Patience);
        string? id = null, type = null;
        var data = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(deadline.Token);
            if (line is null) return null; // the server ended the stream
            Raw.AppendLine(line);
            if (line.Length == 0)
            {
                if (id is null && type is null && data.Count == 0) continue;
                return new Sse(id, type ?? "message", string.Join("\n", data));
            }
            if (line.StartsWith(':')) continue;
            var colon = line.IndexOf(':');
            var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
            switch (field)
            {
                case "id": id = value; break;
                case "event": type = value; break;
                case "data": data.Add(value); break;
            }
        }
    }

    /// <summary>The next event that carries an id (heartbeats are skipped), or a failure after a generous deadline.</summary>
    public async Task<Sse> NextEventAsync()
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            var left = deadline - DateTimeOffset.UtcNow;
            left.ShouldBeGreaterThan(TimeSpan.Zero, $"No event within {Patience}. Read so far:\n{Raw}");
            var next = await NextAsync(left);
            next.ShouldNotBeNull($"The feed ended. Read so far:\n{Raw}");
            if (next.Id is not null) return next;
        }
    }

    /// <summary>Events until one satisfies the condition; returns all of them, that one last.</summary>
    public async Task<List<Sse>> UntilAsync(Func<Sse, bool> condition)
    {
        var seen = new List<Sse>();
        while (true)
        {
            var next = await NextEventAsync();
            seen.Add(next);
            if (condition(next)) return seen;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        _client.Dispose();
        await Task.CompletedTask;
    }
}
