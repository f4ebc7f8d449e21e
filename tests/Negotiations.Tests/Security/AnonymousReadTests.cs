using System.Net;
using Negotiations.Operations.Settings;
using Microsoft.AspNetCore.Hosting;
using Negotiations.Tests.Hosting;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Security;

public sealed class AnonymousViewersFixture : RecordedLogsFixture
{
    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        builder.UseSetting("Negotiations:AnonymousRole", Roles.Viewer);
    }
}

/// <summary>
/// With anonymous readers allowed (a public dashboard), a caller without a key reads as a viewer, but a key that is
/// not known is refused on reads and commands alike (401 with WWW-Authenticate: Bearer), never served as anonymous.
/// </summary>
public class AnonymousReadTests(AnonymousViewersFixture app) : IClassFixture<AnonymousViewersFixture>
{
    private static Dictionary<string, string> Key(string? key) => new() { ["Authorization"] = key is null ? "" : $"Bearer {key}" };

    [Fact]
    public async Task No_key_reads_as_a_viewer_and_a_viewer_key_reads_too()
    {
        (await app.Send(HttpMethod.Get, "/api/timeline", null, Key(null))).ShouldBe(HttpStatusCode.OK);
        (await app.Send(HttpMethod.Get, "/api/timeline", null, Key(TestKeys.Viewer))).ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("test-key-viewer-revoked")]
    [InlineData("TEST-KEY-VIEWER")]
    public async Task An_unknown_key_is_a_401_with_a_bearer_challenge_on_a_read(string key)
    {
        var logged = app.Logs.Entries.Count;

        var reply = (await app.Send(HttpMethod.Get, "/api/timeline", null, Key(key))).ShouldBeProblem(HttpStatusCode.Unauthorized);

        var challenge = reply.Message.Headers.WwwAuthenticate.ShouldHaveSingleItem();
        challenge.Scheme.ShouldBe("Bearer");
        challenge.Parameter.ShouldNotBeNull().ShouldContain("error=\"invalid_token\"");
        reply.Body!.ToJsonString().ShouldNotContain("Negotiations.");
        app.Logs.ShouldHaveNoFailureSince(logged);
    }

    [Fact]
    public async Task An_unknown_key_is_a_401_with_a_bearer_challenge_on_a_command_and_nothing_is_appended()
    {
        var before = await app.EventCount();

        var wrong = (await app.Post("/api/understandings", Given.DemilitarisedZone(), Key("not-a-key"))).ShouldBeProblem(HttpStatusCode.Unauthorized);
        wrong.Message.Headers.WwwAuthenticate.ShouldHaveSingleItem().Parameter.ShouldNotBeNull().ShouldContain("invalid_token");

        var none = (await app.Post("/api/understandings", Given.DemilitarisedZone(), Key(null))).ShouldBeProblem(HttpStatusCode.Unauthorized);
        var challenge = none.Message.Headers.WwwAuthenticate.ShouldHaveSingleItem();
        challenge.Scheme.ShouldBe("Bearer");
        (challenge.Parameter ?? "").ShouldNotContain("error=");

        (await app.EventCount()).ShouldBe(before);
    }
}
