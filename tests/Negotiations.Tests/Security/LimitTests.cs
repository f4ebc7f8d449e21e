using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Security;

public sealed class TightLimitsFixture : AppFixture
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Negotiations:Limits:Burst", "5");
        builder.UseSetting("Negotiations:Limits:PermitsPerSecond", "1");
        builder.UseSetting("Negotiations:Limits:MaxBodyBytes", "4096");
    }
}

public class LimitTests(TightLimitsFixture app) : IClassFixture<TightLimitsFixture>
{
    private static Dictionary<string, string> As(string key) => new() { ["Authorization"] = $"Bearer {key}" };

    [Fact]
    public async Task A_caller_over_its_rate_gets_429_with_retry_after_while_another_key_is_still_served()
    {
        var replies = new List<Reply>();
        for (var i = 0; i < 12; i++) replies.Add(await app.Send(HttpMethod.Get, "/api/status", null, As(TestKeys.Viewer)));

        var refused = replies.Where(r => r.Status == HttpStatusCode.TooManyRequests).ToList();
        refused.Count.ShouldBeGreaterThan(0);
        refused[0].ShouldBeProblem(HttpStatusCode.TooManyRequests);
        int.Parse(refused[0].Message.Headers.GetValues("Retry-After").Single()).ShouldBeGreaterThanOrEqualTo(1);

        (await app.Send(HttpMethod.Get, "/api/status", null, As(TestKeys.Auditor))).Status.ShouldNotBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task An_oversized_command_is_a_413_and_appends_nothing()
    {
        var before = await app.EventCount();
        var huge = Given.DemilitarisedZone() with { Title = new string('x', 10_000) };

        var body = System.Text.Json.JsonSerializer.Serialize(huge, Api.Json);

        (await app.PostRaw("/api/understandings", body, headers: As(TestKeys.Monitor))).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);

        (await app.EventCount()).ShouldBe(before);
    }
}
