using System.Net;
using System.Text.Json.Nodes;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.Tests.Support;
using Negotiations.ReadModels.Timeline;

namespace Negotiations.Tests.Timeline;

/// <summary>Reading the timeline once the daemon has caught up, and rebuilding it.</summary>
public static class GivenTimeline
{
    /// <summary>The page the timeline answers for a query string, after the daemon has applied every event.</summary>
    public static async Task<JsonNode> Timeline(this AppFixture app, string query = "")
    {
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var reply = (await app.Get("/api/timeline" + query)).ShouldBe(HttpStatusCode.OK);
        var freshness = reply.Body!["freshness"]!;
        freshness["projection"]!.GetValue<string>().ShouldBe(TimelineProjection.ProjectionName);
        freshness["behind"]!.GetValue<bool>().ShouldBeFalse();
        return reply.Body!["data"]!;
    }

    public static List<JsonNode> Entries(this JsonNode page) => page["entries"]!.AsArray().Select(e => e!).ToList();

    public static Guid Id(this JsonNode entry) => entry["id"]!.GetValue<Guid>();

    public static List<Guid> Ids(this JsonNode page) => page.Entries().Select(Id).ToList();

    public static JsonNode Entry(this JsonNode page, Guid id) => page.Entries().Single(e => e.Id() == id);

    /// <summary>Every timeline document as stored (its JSON, by id), to compare the live ones with a rebuild.</summary>
    public static async Task<IReadOnlyList<string>> StoredEntries(this AppFixture app)
    {
        await using var session = app.Store.QuerySession();
        return await session.QueryAsync<string>($"select id::text || ' ' || data::text from {app.Schema}.mt_doc_timelineentry order by id");
    }

    /// <summary>Rebuilds the timeline from the events through the running daemon, as `projections rebuild` does.</summary>
    public static async Task RebuildTimeline(this AppFixture app)
    {
        var daemon = app.Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync(TimelineProjection.ProjectionName, TimeSpan.FromMinutes(1), CancellationToken.None);
    }
}
