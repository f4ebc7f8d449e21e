using System.Net;
using System.Text.Json.Nodes;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.ReadModels.Status;
using Negotiations.Tests.Support;
using Negotiations.ReadModels.Timeline;
using Negotiations.Understandings;
using Xunit.Abstractions;

namespace Negotiations.Tests.Resilience;

/// <summary>The application with one more asynchronous projection, one that throws on a particular event.</summary>
public sealed class PoisonedAppFixture : AppFixture
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.ConfigureServices(services => services.ConfigureMarten(options => options.Projections.Add(new PoisonProjection(), ProjectionLifecycle.Async)));
        // The poison is the test's own doing: the daemon's error and /health's 503 are asserted, not shown.
        builder.UseSetting("Logging:LogLevel:Marten.Events.Daemon", "None");
        builder.UseSetting("Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks", "None");
    }
}

/// <summary>
/// A projection that cannot apply an event stops there, visibly: /health answers 503 naming it and the
/// event, it skips nothing, and the product's own projections keep following the events.
/// </summary>
public class PoisonEventTests(PoisonedAppFixture app, ITestOutputHelper output) : IClassFixture<PoisonedAppFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_projection_that_throws_stops_visibly_and_the_others_keep_going()
    {
        var before = (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created).Id;
        var poisoned = (await app.Post("/api/understandings", Given.DemilitarisedZone() with { Title = PoisonProjection.PoisonTitle })).ShouldBe(HttpStatusCode.Created).Id;
        var after = (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created).Id;
        (await app.Post($"/api/understandings/{after}/stage", new ChangeStage(PaxStage.Ceasefire, Given.Reported(), 1))).ShouldBe(HttpStatusCode.OK);
        var poisonSequence = (await app.StreamOf(poisoned)).Single().Sequence;
        var last = (await app.StreamOf(after)).Max(e => e.Sequence);

        var health = await HealthWhen(h => Projection(h, PoisonProjection.ProjectionName)["state"]!.GetValue<string>() == "stopped"
                                           && Position(h, UnderstandingStatusProjection.ProjectionName) >= last
                                           && Position(h, TimelineProjection.ProjectionName) >= last);

        output.WriteLine($"poison event at sequence {poisonSequence}, last event {last}; /health answered {(int)health.Status}:");
        output.WriteLine(health.Body!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        health.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        health.Body!["status"]!.GetValue<string>().ShouldBe("Unhealthy");
        health.Body["checks"]!["database"]!["status"]!.GetValue<string>().ShouldBe("Healthy");
        var poison = Projection(health, PoisonProjection.ProjectionName);
        poison["position"]!.GetValue<long>().ShouldBeLessThan(poisonSequence, "the poison event was not skipped");
        poison["lag"]!.GetValue<long>().ShouldBeGreaterThan(0);
        poison["deadLetters"]!.GetValue<long>().ShouldBe(0);
        poison["failure"]!.GetValue<string>().ShouldContain($"sequence {poisonSequence}");
        foreach (var name in new[] { UnderstandingStatusProjection.ProjectionName, TimelineProjection.ProjectionName })
        {
            Projection(health, name)["state"]!.GetValue<string>().ShouldBe("running");
            Projection(health, name)["lag"]!.GetValue<long>().ShouldBe(0);
        }

        // The product's read models hold every development, the poisoned one included.
        await using var session = app.Store.QuerySession();
        foreach (var id in new[] { before, poisoned, after })
            (await session.LoadAsync<UnderstandingStatus>(id)).ShouldNotBeNull().Understanding!.Version.ShouldBe((await app.StreamOf(id)).Count);
        (await session.Query<TimelineEntry>().CountAsync()).ShouldBe(4);

        // Later events do not move it past the poison either.
        (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created);
        var later = await HealthWhen(h => Projection(h, TimelineProjection.ProjectionName)["lag"]!.GetValue<long>() == 0 && Position(h, TimelineProjection.ProjectionName) > last);
        Position(later, PoisonProjection.ProjectionName).ShouldBeLessThan(poisonSequence);
        later.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    private static JsonNode Projection(Reply health, string name) => health.Body!["checks"]!["projections"]!["data"]![name]!;

    private static long Position(Reply health, string name) => Projection(health, name)["position"]!.GetValue<long>();

    private async Task<Reply> HealthWhen(Func<Reply, bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var health = await app.Get("/health");
            if (health.Body?["checks"]?["projections"]?["data"] is not null && condition(health)) return health;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"/health did not reach the expected state within {Deadline}: {health.Body?.ToJsonString()}");
            await Task.Delay(100);
        }
    }
}
