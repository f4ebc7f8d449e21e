using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marten;
using Negotiations.Operations.ApiReference;
using Negotiations.Operations.Demo;
using Negotiations.Operations.Import;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.OpenApi;

/// <summary>
/// The API reference shows a real example body for every command: the demo scenario's, then examples.jsonl's for
/// the commands the demo does not use; posted in that order, each one is accepted.
/// </summary>
public class CommandExampleTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>The POST operations that are not developments, so have no line in a field report.</summary>
    private static readonly Dictionary<string, string> WithoutExample = new(StringComparer.OrdinalIgnoreCase)
    {
        [ImportEndpoint.OperationId] = "its body is JSON Lines of other commands, each with the example of its own",
        ["VerifyChain"] = "an audit of the event log, not a development; its body is the auditor's own checkpoints",
        ["CreateCheckpoint"] = "an audit of the event log, not a development; it takes no body",
        ["FreezeRelease"] = "an auditor's release of the record, not a development; it needs a server that signs checkpoints",
    };

    private async Task<Dictionary<string, (string Path, JsonObject Operation)>> PostsAsync()
    {
        var document = (await app.Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK).Body!;
        return document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Key == "post").Select(o => (Path: p.Key, Operation: o.Value!.AsObject())))
            .ToDictionary(p => p.Operation["operationId"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
    }

    private static JsonNode? ExampleOf(JsonObject operation) => operation["requestBody"]?["content"]?["application/json"]?["example"];

    [Fact]
    public async Task Every_command_in_the_document_has_an_example_except_the_listed_ones()
    {
        var posts = await PostsAsync();
        // Every POST the application routes is in the document, so the document is the whole list of commands.
        var routed = RouteTable.Of(app.Host).Where(r => r.Method == "POST" && r.Pattern.RawText!.StartsWith("/api/")).Select(r => "/" + r.Pattern.RawText!.TrimStart('/')).ToList();
        routed.Count.ShouldBeGreaterThan(40);
        routed.ShouldBe(posts.Values.Select(p => p.Path), ignoreOrder: true);

        var without = posts.Where(p => ExampleOf(p.Value.Operation) is null).Select(p => p.Key).Order().ToList();
        without.ShouldBe(WithoutExample.Keys.Order().ToList(), ignoreOrder: true);
        posts.Keys.Where(c => !WithoutExample.ContainsKey(c)).ShouldAllBe(c => CommandExamples.All.ContainsKey(c));
    }

    [Fact]
    public async Task An_example_that_names_an_event_says_which_event_its_placeholder_stands_for()
    {
        var posts = await PostsAsync();
        // The body's example, or a path parameter's (the event corrected or retracted is in the route).
        var naming = posts.Where(p => ExampleOf(p.Value.Operation)?.ToJsonString() + p.Value.Operation["parameters"]?.ToJsonString() is { } text
                                      && ExampleEventIds.Placeholders.Keys.Any(id => text.Contains(id.ToString()))).ToList();
        naming.Select(p => p.Key).ShouldBe(["ObserveWithdrawal", "VerifyWithdrawal", "FindWithdrawalUnverifiable", "ContradictWithdrawal",
            "VerifyZoneViolation", "DisputeZoneViolation", "AssessImplementation", "CorrectDevelopment", "RetractDevelopment"], ignoreOrder: true);
        naming.ShouldAllBe(p => p.Value.Operation["description"]!.GetValue<string>().Contains("stands for the id of"));
    }

    [Fact]
    public async Task Each_example_is_accepted_when_posted_after_the_demo_scenario_in_order()
    {
        var posts = await PostsAsync();
        var shown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lines = 0;
        // The demo scenario then its continuation line by line, each command's first line replaced by the example the document shows.
        foreach (var open in new Func<TextReader>[] { DemoScenario.Open, CommandExamples.OpenContinuation })
        {
            using var reader = open();
            while (reader.ReadLine() is { } line)
            {
                lines++;
                var body = JsonNode.Parse(await WithRealEventIdsAsync(line))!.AsObject();
                var command = body["command"]!.GetValue<string>();
                posts.ShouldContainKey(command);
                var (path, operation) = posts[command];
                // The route values come from the line; the body is what the document shows, without them.
                var route = Regex.Matches(path, "{([^}]+)}").Select(m => m.Groups[1].Value).ToList();
                var url = Regex.Replace(path, "{([^}]+)}", m => body[m.Groups[1].Value]!.ToString());
                if (shown.Add(command))
                {
                    var example = ExampleOf(operation);
                    example.ShouldNotBeNull(command);
                    route.ShouldAllBe(r => example.AsObject().ContainsKey(r) == false, command);
                    JsonNode.DeepEquals(example, CommandExamples.BodyOf(CommandExamples.All[command], route, [])).ShouldBeTrue(command);
                    body = example.AsObject();
                }
                body = JsonNode.Parse(await WithRealEventIdsAsync(body.ToJsonString()))!.AsObject();
                var reply = await app.PostRaw(url, body.ToJsonString());
                ((int)reply.Status).ShouldBeInRange(200, 299, $"line {lines}, {command}: {reply.Body?.ToJsonString()}");
            }
        }
        // Each line appended its development (none was a no-op); a correction appends the replacement as well.
        await using (var session = app.Store.QuerySession())
            (await session.Events.QueryAllRawEvents().CountAsync()).ShouldBe(lines + 1);
        shown.Count.ShouldBe(CommandExamples.All.Count);
        shown.ShouldBe(posts.Keys.Where(c => !WithoutExample.ContainsKey(c)), ignoreOrder: true);
    }

    /// <summary>Each placeholder replaced by the id Marten gave the event it stands for.</summary>
    private async Task<string> WithRealEventIdsAsync(string json)
    {
        foreach (var (placeholder, named) in ExampleEventIds.Placeholders)
        {
            if (!json.Contains(placeholder.ToString())) continue;
            await using var session = app.Store.QuerySession();
            var stream = await session.Events.FetchStreamAsync(named.StreamId);
            var real = stream.SingleOrDefault(e => e.Version == named.Version);
            real.ShouldNotBeNull($"{placeholder} stands for event {named.Version} of {named.StreamId}, which holds {stream.Count}");
            json = json.Replace(placeholder.ToString(), real.Id.ToString());
        }
        return json;
    }
}
