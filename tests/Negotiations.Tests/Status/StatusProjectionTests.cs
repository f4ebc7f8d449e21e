using System.Net;
using System.Text.Json;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.ReadModels.Status;
using Negotiations.Tests.Demo;
using Negotiations.Tests.Support;
using Negotiations.Understandings;

namespace Negotiations.Tests.Status;

/// <summary>The status of each demo understanding, folded by the async daemon from every stream that concerns it.</summary>
public class StatusProjectionTests(DemoFixture app) : IClassFixture<DemoFixture>
{
    private const string Zone = "01990000-0000-7000-8000-000000000001";
    private const string Mechanism = "01990000-0000-7000-8000-000000000002";
    private const string Roadmap = "01990000-0000-7000-8000-000000000003";
    private const string Security = "01990000-0000-7000-8000-000000000004";

    private async Task<System.Text.Json.Nodes.JsonNode> Status(string id, string query = "")
    {
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        return (await app.Get($"/api/understandings/{id}/status{query}")).ShouldBe(HttpStatusCode.OK).Body!;
    }

    [Fact]
    public async Task The_demilitarised_zone_shows_its_rules_the_declared_withdrawal_and_its_rounds()
    {
        var reply = await Status(Zone);
        var status = reply["data"]!;

        status["status"]!.GetValue<string>().ShouldBe("under-negotiation");
        var standing = status["zones"]![0]!["standing"]![0]!;
        standing["status"]!.GetValue<string>().ShouldBe("declared");
        standing["declaredDepthKm"]!.GetValue<decimal>().ShouldBe(10);
        status["lastRound"]!["status"]!.GetValue<string>().ShouldBe("held");
        status["nextRound"]!["venue"]!.GetValue<string>().ShouldBe("Baku");
        status["statements"]!.AsArray().Count.ShouldBe(2);
        status["latestDevelopments"]!.AsArray().ShouldNotBeEmpty();
        reply["freshness"]!["behind"]!.GetValue<bool>().ShouldBeFalse();
        reply["freshness"]!["position"]!.GetValue<long>().ShouldBe(reply["freshness"]!["lastEvent"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_roadmap_shows_its_commitments_mechanism_office_holder_and_casualty_claim()
    {
        var status = (await Status(Roadmap))["data"]!;

        status["status"]!.GetValue<string>().ShouldBe("agreed");
        status["roadmap"]!["commitments"]!.AsArray().Select(c => c!["category"]!.GetValue<string>())
            .ShouldBe(["justice-for-victims", "compensation", "reconciliation"], ignoreOrder: true);
        status["roadmap"]!["implementationPercent"]!.GetValue<decimal>().ShouldBe(0);
        status["mechanisms"]![0]!["members"]!.AsArray().Count.ShouldBe(3);
        status["officeHolders"]![0]!["person"]!.GetValue<string>().ShouldBe("Suleiman Abdel Baqi");
        status["casualtyClaims"]![0]!["source"]!.GetValue<string>().ShouldBe("Syrian Observatory for Human Rights");
    }

    [Fact]
    public async Task The_mechanism_and_the_security_understanding_read_as_the_report_says()
    {
        (await Status(Mechanism))["data"]!["mechanisms"]![0]!["name"]!.GetValue<string>().ShouldBe("Trilateral mechanism for the Sweida roadmap");
        var security = (await Status(Security))["data"]!;
        security["status"]!.GetValue<string>().ShouldBe("under-negotiation");
        security["rounds"]!.AsArray().Count.ShouldBe(2);
        security["statements"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_zone_as_it_stood_on_the_first_of_September_had_no_round_scheduled_yet()
    {
        var before = (await Status(Zone, "?asOf=2025-09-01"))["data"]!;

        before["status"]!.GetValue<string>().ShouldBe("under-negotiation");
        before["nextRound"].ShouldBeNull();
        before["lastRound"]!["status"]!.GetValue<string>().ShouldBe("held");
        before["statements"]!.AsArray().Count.ShouldBe(1);
        before["zones"]![0]!["standing"]![0]!["declaredDepthKm"]!.GetValue<decimal>().ShouldBe(10);
        (await app.Get($"/api/understandings/{Zone}/status?asOf=2025-08-31")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await app.Get($"/api/understandings/{Zone}/status?asOf=yesterday")).ShouldBeProblem(HttpStatusCode.BadRequest);
        (await app.Get($"/api/understandings/{Guid.CreateVersion7()}/status")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Both_axes_with_a_correction_recorded_later()
    {
        var id = (await app.Post("/api/understandings", Given.DemilitarisedZone())).Id;
        (await app.Post($"/api/understandings/{id}/stage", new ChangeStage(PaxStage.Ceasefire, Given.Reported(new DateOnly(2025, 9, 20)), 1)))
            .ShouldBe(HttpStatusCode.OK);
        var stageChange = (await app.StreamOf(id))[1];
        var knownBeforeCorrection = stageChange.Timestamp;
        (await app.Post($"/api/developments/{stageChange.Id}/correction", new
        {
            reason = "It was a partial framework",
            replacement = new UnderstandingStageChanged(id, PaxStage.FrameworkPartial, Given.Reported(new DateOnly(2025, 9, 20)))
        })).ShouldBe(HttpStatusCode.OK);
        string Stage(System.Text.Json.Nodes.JsonNode reply) => reply["data"]!["stage"]!.GetValue<string>();

        Stage(await Status(id.ToString())).ShouldBe("framework-partial");
        Stage(await Status(id.ToString(), $"?knownAt={Uri.EscapeDataString(knownBeforeCorrection.ToString("O"))}")).ShouldBe("ceasefire");
        Stage(await Status(id.ToString(), "?asOf=2025-09-19")).ShouldBe("pre-negotiation");
        Stage(await Status(id.ToString(), "?asOf=2025-09-20")).ShouldBe("framework-partial");
        Stage(await Status(id.ToString(), $"?asOf=2025-09-20&knownAt={Uri.EscapeDataString(knownBeforeCorrection.ToString("O"))}")).ShouldBe("ceasefire");
    }

    [Fact]
    public async Task The_live_status_equals_a_fold_of_the_events_on_no_axis()
    {
        foreach (var id in new[] { Zone, Mechanism, Roadmap, Security })
        {
            await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
            await using var session = app.Store.QuerySession();
            var live = await session.LoadAsync<UnderstandingStatus>(Guid.Parse(id));
            var folded = await StatusHistory.FoldAsync(session, Guid.Parse(id), null, null, CancellationToken.None);
            JsonSerializer.Serialize(folded, Api.Json).ShouldBe(JsonSerializer.Serialize(live, Api.Json));
        }
    }

    [Fact]
    public async Task A_rebuild_from_the_events_gives_identical_documents()
    {
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var before = await Documents();

        var daemon = app.Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync(UnderstandingStatusProjection.ProjectionName, TimeSpan.FromMinutes(1), CancellationToken.None);
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var after = await Documents();
        after.Count.ShouldBeGreaterThanOrEqualTo(4);
        after.Keys.ShouldBe(before.Keys, ignoreOrder: true);
        foreach (var (id, json) in before) after[id].ShouldBe(json, $"status {id} differs after the rebuild");
    }

    private async Task<Dictionary<Guid, string>> Documents()
    {
        await using var session = app.Store.QuerySession();
        var all = await session.Query<UnderstandingStatus>().ToListAsync();
        return all.ToDictionary(s => s.Id, s => JsonSerializer.Serialize(s, Api.Json));
    }
}
