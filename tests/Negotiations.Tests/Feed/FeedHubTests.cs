using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.ReadModels.Feed;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Feed;

/// <summary>A host whose feed keeps only two items per client, to see a slow client cut off.</summary>
public sealed class TinyFeedFixture : AppFixture
{
    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.Configure<FeedSettings>(o => (o.PageSize, o.ClientBuffer) = (2, 2)));
}

public class FeedHubTests(TinyFeedFixture app) : IClassFixture<TinyFeedFixture>
{
    [Fact]
    public async Task A_client_that_falls_behind_its_buffer_is_disconnected_instead_of_growing_memory()
    {
        var hub = app.Host.Services.GetRequiredService<FeedHub>();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var (slow, _) = await hub.SubscribeAsync(patience.Token);
        var (subscribersBefore, start) = (hub.Subscribers, await app.LastSequence());

        for (var i = 0; i < 3; i++)
            (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created);
        while (!slow.Overflowed) await hub.NextPollAsync().WaitAsync(patience.Token);

        hub.Subscribers.ShouldBe(subscribersBefore - 1);
        var kept = new List<FeedItem>();
        await foreach (var item in slow.Items.ReadAllAsync(patience.Token)) kept.Add(item);
        kept.Count.ShouldBe(2);
        kept[0].Sequence.ShouldBeGreaterThan(start);

        // It comes back with the last id it got and misses nothing.
        await using var resumed = await FeedClient.ConnectAsync(app, lastEventId: kept[^1].Sequence);
        (await resumed.NextEventAsync()).Sequence.ShouldBe(await app.LastSequence());
    }
}
