using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Negotiations.Tests.Support;
using Xunit.Abstractions;

namespace Negotiations.Tests.Hostile;

/// <summary>
/// Generated and malformed bodies, query strings, route values and headers thrown at every route of the
/// route table: never a 5xx, every 4xx of the API a ProblemDetails, nothing appended by a refused request,
/// and the server still serving afterwards.
/// </summary>
public class HostileInputTests(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private const int Samples = 600;

    private sealed record Attempt(Route Route, string Path, byte[] Body, string ContentType, Dictionary<string, string> Headers)
    {
        public override string ToString() =>
            $"{Route.Method} {Path[..Math.Min(Path.Length, 300)]} [{ContentType}] {string.Join(", ", Headers.Select(h => $"{h.Key}: {h.Value[..Math.Min(h.Value.Length, 60)]}"))} " +
            $"body({Body.Length}): {System.Text.Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300))}";
    }

    [Fact]
    public async Task No_route_answers_a_5xx_or_a_4xx_without_a_problem_and_a_refused_request_appends_nothing()
    {
        var routes = RouteTable.Of(app.Host).Where(r => !r.Pattern.RawText!.StartsWith("scalar")).ToList();
        var attempts =
            from route in Gen.OneOf(routes.ToArray())
            from values in HostileInput.RouteValue.Array[4]
            from query in HostileInput.Query
            from body in HostileInput.Body
            from contentType in HostileInput.ContentType
            from headers in HostileInput.Headers
            select new Attempt(route, route.Path(name => values[Math.Abs(name.GetHashCode()) % 4]) + query, body, contentType, headers);

        var statuses = new Dictionary<int, int>();
        await attempts.SampleAsync(async attempt =>
        {
            var before = await app.EventCount();
            var (status, mediaType, problem) = await Send(attempt);
            lock (statuses) statuses[(int)status] = statuses.GetValueOrDefault((int)status) + 1;

            ((int)status).ShouldBeLessThan(500, attempt.ToString());
            if ((int)status >= 400 && attempt.Path.StartsWith("/api/"))
                mediaType.ShouldBe("application/problem+json", attempt.ToString());
            // Every 400 of the API has one shape, in the API's words: errors keyed by field, no .NET type, no foreign type link.
            if (status == HttpStatusCode.BadRequest && problem is not null)
            {
                var errors = JsonNode.Parse(problem)!["errors"] as JsonObject;
                (errors?.Count > 0).ShouldBeTrue($"{attempt}\n{problem}");
                problem.ShouldNotContain("Negotiations.", Case.Sensitive, attempt.ToString());
                problem.ShouldNotContain("System.", Case.Sensitive, attempt.ToString());
                problem.ShouldNotContain("httpstatuses", Case.Sensitive, attempt.ToString());
            }
            if ((int)status >= 300) (await app.EventCount()).ShouldBe(before, attempt.ToString());
        }, iter: Samples, threads: 1, seed: Environment.GetEnvironmentVariable("NEGOTIATIONS_HOSTILE_SEED"), print: a => a.ToString());

        output.WriteLine($"{Samples} attempts over {routes.Count} routes: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}")));
        (await app.Get("/health")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unicode_huge_and_sql_looking_text_round_trips_unchanged_or_is_refused_by_name()
    {
        await HostileInput.Text.SampleAsync(async text =>
        {
            // Escaped by hand: a serializer would already replace an unpaired surrogate before the server sees it.
            var body = JsonSerializer.Serialize(Given.DemilitarisedZone() with { Title = "TITLE" }, Api.Json).Replace("\"TITLE\"", HostileInput.Escaped(text));
            var reply = await app.PostRaw("/api/understandings", body);
            if (reply.Status == HttpStatusCode.Created)
                (await app.Get($"/api/understandings/{reply.Id}")).Body!["title"]!.GetValue<string>().ShouldBe(text.Trim()); // a title is trimmed, nothing else
            else
            {
                reply.ShouldBeProblem(reply.Status);
                ((int)reply.Status).ShouldBeOneOf(400, 413);
                // Named in the errors, by a rule of the command or as the field the parser stopped at (not text at all).
                if (reply.Status == HttpStatusCode.BadRequest)
                    (reply.Errors?.ContainsKey("title") == true).ShouldBeTrue(reply.Body!.ToJsonString());
            }
        }, iter: 150, threads: 1, print: t => $"({t.Length} chars) {HostileInput.Escaped(t[..Math.Min(t.Length, 80)])}");
    }

    [Fact]
    public async Task The_empty_id_is_unknown_everywhere()
    {
        var empty = Guid.Empty.ToString();
        var routes = RouteTable.Of(app.Host).Where(r => r.Pattern.Parameters.Any(p => p.Name.EndsWith("Id")) && r.Pattern.RawText!.TrimStart('/').StartsWith("api")).ToList();
        routes.Count.ShouldBeGreaterThan(30);
        foreach (var route in routes)
        {
            var path = route.Path(_ => empty);
            var reply = route.Method == "GET" ? await app.Get(path) : await app.PostRaw(path, """{"version":1,"reason":"x"}""");
            reply.Status.ShouldBe(HttpStatusCode.NotFound, $"{route.Method} {path}");
            reply.ShouldBeProblem(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task A_nul_character_in_a_query_value_or_header_is_a_400()
    {
        (await app.Get("/api/timeline?party=%00")).ShouldBeProblem(HttpStatusCode.BadRequest).Detail!.ShouldContain("party");
        (await app.Get("/api/casualty-claims?source=a%00b")).ShouldBeProblem(HttpStatusCode.BadRequest);
        (await app.Post("/api/understandings", Given.DemilitarisedZone(), new Dictionary<string, string> { ["Idempotency-Key"] = "k\0" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest).Detail!.ShouldContain("Idempotency-Key");
    }

    private async Task<(HttpStatusCode Status, string? MediaType, string? Problem)> Send(Attempt attempt)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(attempt.Route.Method), attempt.Path);
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {TestKeys.Everything}");
        foreach (var (name, value) in attempt.Headers) request.Headers.TryAddWithoutValidation(name, value);
        if (attempt.Route.Method != "GET")
        {
            request.Content = new ByteArrayContent(attempt.Body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", attempt.ContentType);
        }
        // Some routes stream (the live feed, exports): the status and the media type are all that is checked.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var problem = mediaType == "application/problem+json" ? await response.Content.ReadAsStringAsync() : null;
        return (response.StatusCode, mediaType, problem);
    }
}
