using System.Net;
using System.Text.Json.Nodes;
using Negotiations.ApiReference;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.OpenApi;

/// <summary>The API reference shows a real example body for the commands of the demo scenario, and each one is accepted.</summary>
public class CommandExampleTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Each_example_in_the_document_is_accepted_when_posted_in_the_demo_order()
    {
        var document = (await app.Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK).Body!;
        var posts = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Key == "post").Select(o => (Path: p.Key, Operation: o.Value!.AsObject())))
            .ToDictionary(p => p.Operation["operationId"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);

        CommandExamples.All.Count.ShouldBeGreaterThan(10);
        var shown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // The demo scenario line by line, each command's first line replaced by the example the document shows.
        using var demo = Negotiations.Demo.DemoScenario.Open();
        while (demo.ReadLine() is { } line)
        {
            var body = JsonNode.Parse(line)!.AsObject();
            var command = body["command"]!.GetValue<string>();
            posts.ShouldContainKey(command);
            var (path, operation) = posts[command];
            if (shown.Add(command))
            {
                var example = operation["requestBody"]!["content"]!["application/json"]!["example"];
                example.ShouldNotBeNull(command);
                JsonNode.DeepEquals(example, CommandExamples.All[command]).ShouldBeTrue(command);
                body = example.AsObject();
            }
            var url = System.Text.RegularExpressions.Regex.Replace(path, "{([^}]+)}", m => body[m.Groups[1].Value]!.ToString());
            var reply = await app.PostRaw(url, body.ToJsonString());
            ((int)reply.Status).ShouldBeInRange(200, 299, $"{command}: {reply.Body?.ToJsonString()}");
        }
        shown.Count.ShouldBe(CommandExamples.All.Count);
    }

    [Fact]
    public async Task The_commands_without_a_demo_example_are_the_listed_ones()
    {
        var document = (await app.Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK).Body!;
        var without = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Key == "post").Select(o => o.Value!.AsObject()))
            .Where(o => o["requestBody"]?["content"]?["application/json"]?["example"] is null)
            .Select(o => o["operationId"]!.GetValue<string>()).Order().ToList();

        without.ShouldNotContain(c => CommandExamples.All.ContainsKey(c));
        without.Count.ShouldBeLessThan(40);
    }
}
