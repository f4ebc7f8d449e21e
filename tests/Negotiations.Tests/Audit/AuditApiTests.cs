using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.Operations.Audit;
using Negotiations.Corrections;
using Negotiations.Tests.Demo;
using Negotiations.Tests.Support;
using Negotiations.Understandings;

namespace Negotiations.Tests.Audit;

/// <summary>What an auditor reads, verifies and takes away, over HTTP, on the demo scenario.</summary>
public class AuditApiTests(DemoFixture app) : IClassFixture<DemoFixture>
{
    private const string Zone = "01990000-0000-7000-8000-000000000001";

    private Task<ChainHead> Chained() => app.Host.Services.GetRequiredService<ChainWriter>().CatchUpAllAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

    private static async Task Sql(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> Text(string url)
    {
        using var client = app.Client();
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_history_pages_through_every_event_with_who_when_and_which_source()
    {
        await Chained();
        var seen = new List<JsonNode>();
        long? from = 1;
        while (from is not null)
        {
            var page = (await app.Get($"/api/audit/events?fromSequence={from}&pageSize=7")).ShouldBe(HttpStatusCode.OK).Body!;
            seen.AddRange(page["events"]!.AsArray().Select(e => e!));
            from = page["nextFromSequence"]?.GetValue<long>();
        }

        seen.Count.ShouldBe((int)await app.EventCount());
        seen.Select(e => e["sequence"]!.GetValue<long>()).ShouldBeInOrder();
        var first = seen[0];
        first["type"]!.GetValue<string>().ShouldBe("understanding_proposed");
        first["concept"]!.GetValue<string>().ShouldBe("Understandings");
        first["version"]!.GetValue<long>().ShouldBe(1);
        first["recordedBy"]!.GetValue<string>().ShouldBe(TestKeys.EverythingUser);
        first["correlationId"].ShouldNotBeNull();
        first["occurred"]!["from"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        first["sources"]!.AsArray().ShouldNotBeEmpty();
        first["data"]!["title"].ShouldNotBeNull();
        first["link"]!.GetValue<string>().Length.ShouldBe(64);

        var recorded = first["recorded"]!.GetValue<DateTimeOffset>();
        var window = (await app.Get($"/api/audit/events?recordedFrom={Uri.EscapeDataString(recorded.ToString("O"))}&recordedTo={Uri.EscapeDataString(recorded.ToString("O"))}")).ShouldBe(HttpStatusCode.OK).Body!;
        window["events"]!.AsArray().Select(e => e!["sequence"]!.GetValue<long>()).ShouldContain(first["sequence"]!.GetValue<long>());
        (await app.Get("/api/audit/events?fromSequence=2&toSequence=3")).Body!["events"]!.AsArray().Select(e => e!["sequence"]!.GetValue<long>()).ShouldBe([2L, 3L]);
    }

    [Fact]
    public async Task Bad_history_parameters_are_named()
    {
        (await app.Get("/api/audit/events?fromSequence=5&toSequence=2")).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("toSequence").ShouldBeTrue();
        (await app.Get("/api/audit/events?pageSize=0")).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("pageSize").ShouldBeTrue();
        (await app.Get("/api/audit/events?pageSize=201")).ShouldBeProblem(HttpStatusCode.BadRequest);
        (await app.Get("/api/audit/events?fromSequence=0")).ShouldBeProblem(HttpStatusCode.BadRequest);
        (await app.Get("/api/audit/events?recordedFrom=yesterday")).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["recordedFrom"]);
        (await app.Get($"/api/audit/streams/{Guid.CreateVersion7()}/events")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await app.Get("/api/audit/export/nothing.csv")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stream_history_shows_corrections_with_what_they_correct()
    {
        var id = (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created).Id;
        (await app.Post($"/api/understandings/{id}/stage", new ChangeStage(PaxStage.Ceasefire, Given.Reported(), 1))).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/understandings/{id}/lifecycle", new ChangeLifecycle(Lifecycle.UnderNegotiation, null, Given.Reported(), 2))).ShouldBe(HttpStatusCode.OK);
        var stream = await app.StreamOf(id);
        var replacement = new UnderstandingStageChanged(id, PaxStage.FrameworkPartial, Given.Reported(new DateOnly(2025, 9, 16)));
        (await app.Post($"/api/developments/{stream[1].Id}/correction", new { reason = "It was a framework", replacement })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/developments/{stream[2].Id}/retraction", new RetractDevelopment("Misread the report"))).ShouldBe(HttpStatusCode.OK);

        var events = (await app.Get($"/api/audit/streams/{id}/events")).ShouldBe(HttpStatusCode.OK).Body!["events"]!.AsArray().Select(e => e!).ToList();

        events.Select(e => e["version"]!.GetValue<long>()).ShouldBe([1L, 2L, 3L, 4L, 5L, 6L]);
        events.ShouldAllBe(e => e["streamId"]!.GetValue<Guid>() == id);
        var (staged, corrected, correction, replaced, retracted, retraction) = (events[1], events[1], events[3], events[4], events[2], events[5]);
        correction["type"]!.GetValue<string>().ShouldBe("development_corrected");
        correction["corrects"]!["kind"]!.GetValue<string>().ShouldBe("correction");
        correction["corrects"]!["eventId"]!.GetValue<Guid>().ShouldBe(stream[1].Id);
        correction["corrects"]!["sequence"]!.GetValue<long>().ShouldBe(staged["sequence"]!.GetValue<long>());
        correction["corrects"]!["replacementSequence"]!.GetValue<long>().ShouldBe(replaced["sequence"]!.GetValue<long>());
        corrected["correctedBy"]!.AsArray().Single()!["eventId"]!.GetValue<Guid>().ShouldBe(correction["eventId"]!.GetValue<Guid>());
        retraction["corrects"]!["kind"]!.GetValue<string>().ShouldBe("retraction");
        retraction["corrects"]!["type"]!.GetValue<string>().ShouldBe("understanding_lifecycle_changed");
        retracted["correctedBy"]!.AsArray().Single()!["reason"]!.GetValue<string>().ShouldBe("Misread the report");
        replaced["occurred"]!["from"]!.GetValue<string>().ShouldBe("2025-09-16");
    }

    [Fact]
    public async Task A_checkpoint_read_over_http_verifies_and_a_malformed_one_is_refused()
    {
        await Chained();
        await app.Host.Services.GetRequiredService<ChainWriter>().CheckpointNowAsync(CancellationToken.None);
        var checkpoint = (await app.Get("/api/audit/checkpoints/latest")).ShouldBe(HttpStatusCode.OK).Body!;

        var report = (await app.Post("/api/audit/verify", new { checkpoints = new[] { checkpoint } })).ShouldBe(HttpStatusCode.OK).Body!;
        report["status"]!.GetValue<string>().ShouldBe("clean");
        report["externalCheckpointsChecked"]!.GetValue<int>().ShouldBe(1);
        report["firstBadSequence"].ShouldBeNull();

        var forged = checkpoint.DeepClone();
        forged["headHash"] = new string('0', 64);
        var tampered = (await app.Post("/api/audit/verify", new { checkpoints = new[] { forged } })).ShouldBe(HttpStatusCode.OK).Body!;
        tampered["status"]!.GetValue<string>().ShouldBe("tampered");
        tampered["firstBadSequence"]!.GetValue<long>().ShouldBe(checkpoint["sequence"]!.GetValue<long>());

        var malformed = (await app.Post("/api/audit/verify", new { checkpoints = new[] { new { sequence = 0, headHash = "xyz", count = 1 } } })).ShouldBeProblem(HttpStatusCode.BadRequest);
        malformed.Errors!.ContainsKey("checkpoints[0].headHash").ShouldBeTrue();
        malformed.Errors!.ContainsKey("checkpoints[0].sequence").ShouldBeTrue();
    }

    [Fact]
    public async Task The_exported_log_is_enough_to_recompute_the_chain()
    {
        await Chained();
        var lines = (await Text("/api/audit/export/events")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe((int)await app.EventCount());

        var previous = ChainHash.Genesis;
        foreach (var line in lines)
        {
            using var e = JsonDocument.Parse(line);
            var root = e.RootElement;
            var link = ChainHash.Link(previous, new ChainedEvent(root.GetProperty("sequence").GetInt64(), root.GetProperty("streamId").GetString()!,
                root.GetProperty("version").GetInt64(), root.GetProperty("type").GetString()!, root.GetProperty("data").GetRawText(),
                DateTimeOffset.Parse(root.GetProperty("recorded").GetString()!)));
            ChainHash.Hex(link).ShouldBe(root.GetProperty("link").GetString(), line);
            previous = link;
        }

        var zone = (await Text($"/api/audit/export/events?streamId={Zone}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        zone.ShouldNotBeEmpty();
        zone.ShouldAllBe(l => l.Contains(Zone));
        (await Text("/api/audit/export/events?recordedFrom=2999-01-01")).ShouldBeEmpty();
        (await Text("/api/audit/export/events?fromSequence=2&toSequence=4")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(3);
        (await app.Get("/api/audit/export/events?toSequence=0")).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Read_models_export_as_csv()
    {
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var statuses = (await Text("/api/audit/export/statuses.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        statuses[0].ShouldStartWith("id,title,kind,stage,status,");
        statuses.ShouldContain(l => l.StartsWith(Zone) && l.Contains("Baku") && l.Contains("under-negotiation"));

        var understandings = (await Text("/api/audit/export/understandings.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        understandings.Length.ShouldBeGreaterThanOrEqualTo(5);
        (await Text("/api/audit/export/commitments.csv")).ShouldContain("compensation");
    }

    [Fact]
    public async Task Replay_rebuilds_every_projection_identically_and_shows_a_doctored_document()
    {
        var replay = app.Host.Services.GetRequiredService<Replay>();
        var clean = await replay.RunAsync(TextWriter.Null, CancellationToken.None);
        clean.Differences.ShouldBeEmpty();
        clean.Projections.ShouldContain("UnderstandingStatus");
        clean.Projections.ShouldContain("Understanding");
        clean.Projections.ShouldContain("UnderstandingDetails");
        clean.Tables.ShouldContain(t => t.Table == "mt_doc_understandingstatus" && t.Live > 0 && t.Live == t.Rebuilt);
        clean.Tables.ShouldContain(t => t.Table == "places_developments" && t.Live > 0 && t.Live == t.Rebuilt);
        clean.Tables.ShouldContain(t => t.Table == "places_incidents" && t.Live > 0 && t.Live == t.Rebuilt);

        var table = $"\"{app.Schema}\".mt_doc_understandingdetails";
        await Sql($"update {table} set data = jsonb_set(data, '{{title}}', '\"Doctored\"') where id = '{Zone}'");
        try
        {
            var doctored = await replay.RunAsync(TextWriter.Null, CancellationToken.None);
            var difference = doctored.Differences.ShouldHaveSingleItem();
            difference.Table.ShouldBe("mt_doc_understandingdetails");
            difference.Id.ShouldBe(Zone);
            difference.Fields.ShouldBe(["title"]);
        }
        finally
        {
            await Sql($"update {table} set data = jsonb_set(data, '{{title}}', '\"Southern Syria demilitarised zone\"') where id = '{Zone}'");
        }

        // A place moved by hand is found too, column by column.
        var places = $"\"{app.Schema}\".places_developments";
        await Sql($"update {places} set geom = ST_Translate(geom, 1, 0) where name = 'Baku'");
        try
        {
            var moved = (await replay.RunAsync(TextWriter.Null, CancellationToken.None)).Differences.ShouldHaveSingleItem();
            moved.Table.ShouldBe("places_developments");
            moved.Fields.ShouldBe(["geom"]);
        }
        finally
        {
            await Sql($"update {places} set geom = ST_Translate(geom, -1, 0) where name = 'Baku'");
        }
    }
}
