using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Import;

/// <summary>The answers stream back while the report is still being sent: a client that reads as it sends never stalls.</summary>
public class ImportStreamingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_answers_to_the_lines_sent_so_far_come_back_before_the_report_ends()
    {
        var (first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var firstAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var content = new TwoPartReport(Line(first) + "\n", Line(second) + "\n", firstAnswered.Task);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {TestKeys.Everything}");

        using var reply = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(60));
        reply.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var answers = new StreamReader(await reply.Content.ReadAsStreamAsync());

        // The second part is sent only once the first line's answer has been read: without it, both sides would wait.
        var answer = await answers.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        JsonNode.Parse(answer!)!["status"]!.GetValue<int>().ShouldBe(201);
        firstAnswered.SetResult();

        var rest = (await answers.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        JsonNode.Parse(rest[0])!["status"]!.GetValue<int>().ShouldBe(201);
        JsonNode.Parse(rest[^1])!["summary"]!["applied"]!.GetValue<int>().ShouldBe(2);
        (await app.StreamOf(second)).Count.ShouldBe(1);
    }

    private static string Line(Guid id)
    {
        var node = JsonSerializer.SerializeToNode(Given.DemilitarisedZone(id), Api.Json)!.AsObject();
        node["command"] = "ProposeUnderstanding";
        return node.ToJsonString();
    }

    private sealed class TwoPartReport(string first, string second, Task sendSecond) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(first));
            await stream.FlushAsync();
            await sendSecond;
            await stream.WriteAsync(Encoding.UTF8.GetBytes(second));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
