using Negotiations.Kernel;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;

namespace Negotiations.Tests.Support;

public sealed record Reply(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Message)
{
    public string? Detail => Body?["detail"]?.GetValue<string>();
    public JsonObject? Errors => Body?["errors"] as JsonObject;

    public Reply ShouldBe(HttpStatusCode expected)
    {
        Status.ShouldBe(expected, Body?.ToJsonString());
        return this;
    }

    /// <summary>A ProblemDetails of the given status; returns it for further checks.</summary>
    public Reply ShouldBeProblem(HttpStatusCode expected)
    {
        ShouldBe(expected);
        Message.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        Body!["status"]!.GetValue<int>().ShouldBe((int)expected);
        return this;
    }

    public Guid Id => Guid.Parse(Body!["value"]!.GetValue<string>());
}

/// <summary>Plain HTTP against the test host: what a client sends, byte for byte.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonDialect.Configure(json);
        return json;
    }

    public static Task<Reply> Post(this AppFixture app, string url, object body, IDictionary<string, string>? headers = null) =>
        app.Send(HttpMethod.Post, url, JsonContent.Create(body, options: Json), headers);

    public static Task<Reply> PostRaw(this AppFixture app, string url, string body, string contentType = "application/json", IDictionary<string, string>? headers = null) =>
        app.Send(HttpMethod.Post, url, new StringContent(body, Encoding.UTF8, contentType), headers);

    public static Task<Reply> Get(this AppFixture app, string url) => app.Send(HttpMethod.Get, url, null, null);

    /// <summary>A client of the test host that sends the given key (by default one with every role).</summary>
    public static HttpClient Client(this AppFixture app, string key = TestKeys.Everything)
    {
        var client = app.Host.Server.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {key}");
        return client;
    }

    public static async Task<Reply> Send(this AppFixture app, HttpMethod method, string url, HttpContent? content, IDictionary<string, string>? headers)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (headers?.ContainsKey("Authorization") != true) request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {TestKeys.Everything}");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        var media = response.Content.Headers.ContentType?.MediaType;
        if (text.Length > 0 && (media == "application/json" || media?.EndsWith("+json") == true)) body = JsonNode.Parse(text);
        return new Reply(response.StatusCode, body, response);
    }
}
