using System.Net;
using Negotiations.Operations.Settings;
using Microsoft.AspNetCore.Hosting;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.OpenApi;

/// <summary>Reads opened to callers without a key (the anonymous role is viewer): the document says a read needs no key, a command still does.</summary>
public class OpenReadsDocumentTests(OpenReadsDocumentTests.OpenReads app) : IClassFixture<OpenReadsDocumentTests.OpenReads>
{
    public sealed class OpenReads : AppFixture
    {
        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Negotiations:AnonymousRole", Roles.Viewer);
    }

    [Fact]
    public async Task A_read_lists_no_key_as_an_alternative_and_a_command_does_not()
    {
        var document = (await app.Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK).Body!;
        var paths = document["paths"]!;

        var read = paths["/api/offices"]!["get"]!["security"]!.AsArray();
        read.Select(r => r!.ToJsonString()).ShouldBe(["{\"bearer\":[\"viewer\"]}", "{}"]);
        var command = paths["/api/understandings"]!["post"]!["security"]!.AsArray();
        command.Select(r => r!.ToJsonString()).ShouldBe(["{\"bearer\":[\"monitor\"]}"]);
    }
}
