using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Negotiations.Tests.Support;
using Npgsql;

namespace Negotiations.Tests.Import;

/// <summary>An application that sends every import line through its endpoint in its own transaction, as before batching.</summary>
public sealed class LineByLineImportFixture : AppFixture
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Negotiations:Import:BatchSize", "1");
}

/// <summary>
/// The same report imported in batches and line by line gives every line the same answer and leaves the same events and
/// documents: event ids (chosen when appended) are compared as the stream and version they name.
/// </summary>
public class BatchedImportTests(AppFixture batched, LineByLineImportFixture lineByLine)
    : IClassFixture<AppFixture>, IClassFixture<LineByLineImportFixture>
{
    private static readonly Regex Uuid = new("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.Compiled);

    private static string Report()
    {
        var lines = new List<string>();
        using (var demo = Negotiations.Operations.Demo.DemoScenario.Open()) lines.AddRange(demo.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using (var examples = Negotiations.Operations.ApiReference.CommandExamples.OpenContinuation()) lines.AddRange(examples.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var p = """{"sources":[{"name":"Reuters","kind":"media","reliability":"B","credibility":2}],"occurred":{"from":"2025-10-01"}}""";
        var (u, later, zone) = ("01990000-0000-7000-8000-0000000f0001", "01990000-0000-7000-8000-0000000f0002", "01990000-0000-7000-8000-0000000f0003");
        lines.AddRange(
        [
            $$"""{"command":"ProposeUnderstanding","understandingId":"{{u}}","title":"Batch","kind":"security-understanding","parties":[{"name":"A","role":"party"}],"stage":"pre-negotiation","provenance":{{p}}}""",
            $$"""{"command":"ChangeStage","understandingId":"{{u}}","stage":"ceasefire","version":1,"provenance":{{p}}}""",
            $$"""{"command":"ChangeStage","understandingId":"{{u}}","stage":"ceasefire","version":2,"provenance":{{p}}}""", // the same stage: nothing appended
            $$"""{"command":"ChangeStage","understandingId":"{{u}}","stage":"renewal","version":1,"provenance":{{p}}}""", // stale: 409
            $$"""{"command":"ChangeLifecycle","understandingId":"{{u}}","status":"fulfilled","version":2,"provenance":{{p}}}""", // a move that makes no sense: 422
            $$"""{"command":"ChangeStage","understandingId":"{{u}}","stage":"ceasefire","version":"two","provenance":{{p}}}""", // not a command: 400
            $$"""{"command":"MakeStatement","speaker":"S","role":"party","summary":"Too early","understandingIds":["{{later}}"],"provenance":{{p}}}""", // unknown yet: 404
            $$"""{"command":"ProposeUnderstanding","understandingId":"{{later}}","title":"Later","kind":"roadmap","parties":[{"name":"B","role":"party"}],"stage":"pre-negotiation","provenance":{{p}}}""",
            $$"""{"command":"ProposeUnderstanding","understandingId":"{{later}}","title":"Again","kind":"roadmap","parties":[{"name":"B","role":"party"}],"stage":"pre-negotiation","provenance":{{p}}}""", // taken: 409
            $$"""{"command":"MakeStatement","statementId":"01990000-0000-7000-8000-0000000f0004","speaker":"S","role":"party","summary":"Now known","understandingIds":["{{later}}","{{u}}"],"provenance":{{p}}}""",
            $$"""{"command":"DefineZone","zoneId":"{{zone}}","name":"Z","kind":"demilitarised-zone","reference":"R","understandingIds":["{{u}}"],"rules":[{"weaponClass":"heavy weapons","minimumDepthKm":10}],"provenance":{{p}}}""",
            $$"""{"command":"DeclareWithdrawal","zoneId":"{{zone}}","party":"A","weaponClass":"heavy weapons","depthKm":10,"version":1,"provenance":{{p}}}""",
            $$"""{"command":"DeclareWithdrawal","zoneId":"{{zone}}","party":"A","weaponClass":"armour","depthKm":5,"version":2,"provenance":{{p}}}""",
            $$"""{"command":"ChangeLifecycle","understandingId":"{{u}}","status":"under-negotiation","version":2,"idempotencyKey":"k-1","provenance":{{p}}}""",
            $$"""{"command":"ChangeStage","understandingId":"{{u}}","stage":"renewal","version":3,"provenance":{{p}}}""",
            $$"""{"command":"ChangeStage","understandingId":"01990000-0000-7000-8000-0000000f0009","stage":"renewal","version":1,"provenance":{{p}}}""", // unknown: 404
            $$"""{"command":"ReportIncident","incidentId":"01990000-0000-7000-8000-0000000f0005","kind":"shelling","summary":"S","place":{"geometry":{"type":"Point","coordinates":[36.5,32.7]},"precision":"district"},"casualtyClaimIds":["01990000-0000-7000-8000-000000000601"],"provenance":{{p}}}""",
            $$"""{"command":"ReportIncident","incidentId":"01990000-0000-7000-8000-0000000f0006","kind":"shelling","summary":"S","place":{"geometry":{"type":"Point","coordinates":[36.5,32.7]},"precision":"district"},"casualtyClaimIds":["01990000-0000-7000-8000-0000000f0009"],"provenance":{{p}}}""", // unknown claim: 404
        ]);
        return string.Join("\n", lines) + "\n";
    }

    internal static async Task<string[]> Import(AppFixture app, string report)
    {
        var content = new StringContent(report, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var reply = await app.Send(HttpMethod.Post, "/api/import", content, null);
        reply.Status.ShouldBe(HttpStatusCode.OK);
        return (await reply.Message.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static readonly Regex TraceId = new("\"traceId\":\"[^\"]*\"", RegexOptions.Compiled);

    /// <summary>Each event id in the text replaced by "stream@version", and a ProblemDetails' traceId (each request's own) left out.</summary>
    private static string Named(string text, IReadOnlyDictionary<string, string> events) =>
        TraceId.Replace(Uuid.Replace(text, m => events.TryGetValue(m.Value, out var named) ? named : m.Value), "\"traceId\":\"\"");

    private static async Task<Dictionary<string, string>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, string>();
        while (await reader.ReadAsync()) rows[reader.GetString(0)] = reader.GetString(1);
        return rows;
    }

    private static Task<Dictionary<string, string>> EventIdsAsync(AppFixture app) =>
        RowsAsync($"select id::text, stream_id::text || '@' || version from \"{app.Schema}\".mt_events");

    /// <summary>Every inline document and every stream's events (type, data, version), keyed by table and id or stream.</summary>
    private static async Task<SortedDictionary<string, string>> StateAsync(AppFixture app)
    {
        var events = await EventIdsAsync(app);
        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in await RowsAsync(
                     $"select stream_id::text || '@' || version, type || ' ' || data::text from \"{app.Schema}\".mt_events"))
            state[$"event {key}"] = Named(value, events);
        foreach (var (key, value) in await RowsAsync($"select id::text, coalesce(type, '-') || ' ' || version from \"{app.Schema}\".mt_streams"))
            state[$"stream {key}"] = value;
        var tables = await RowsAsync($"select table_name, table_name from information_schema.tables where table_schema = '{app.Schema}' and table_name like 'mt_doc_%'");
        foreach (var table in tables.Keys.Where(InlineDocument))
            foreach (var (key, value) in await RowsAsync($"select id::text, data::text from \"{app.Schema}\".\"{table}\""))
                state[$"{table} {Named(key, events)}"] = Named(value, events);
        return state;
    }

    /// <summary>The documents a command writes in its own transaction; the async daemon's read models are kept apart.</summary>
    private static bool InlineDocument(string table) =>
        !table.Contains("status") && !table.Contains("timeline") && !table.Contains("checkpoint") && !table.Contains("weektally");

    [Fact]
    public async Task A_report_imported_in_batches_answers_and_stores_what_it_does_line_by_line()
    {
        var report = Report();
        var inBatches = await Import(batched, report);
        var oneByOne = await Import(lineByLine, report);

        var (batchedEvents, lineEvents) = (await EventIdsAsync(batched), await EventIdsAsync(lineByLine));
        inBatches.Length.ShouldBe(oneByOne.Length);
        for (var i = 0; i < inBatches.Length; i++)
            Named(inBatches[i], batchedEvents).ShouldBe(Named(oneByOne[i], lineEvents), $"answer {i + 1}:\n{inBatches[i]}\n{oneByOne[i]}");
        var statuses = inBatches.SkipLast(1).Select(l => JsonNode.Parse(l)!["status"]!.GetValue<int>()).ToList();
        statuses.ShouldContain(201);
        statuses.ShouldContain(200);
        new[] { 400, 404, 409, 422 }.ShouldBeSubsetOf(statuses);
        statuses.TakeLast(2).ShouldBe([201, 404]); // an incident naming the demo's casualty claim, then one naming no claim


        var (batchedState, lineState) = (await StateAsync(batched), await StateAsync(lineByLine));
        batchedState.Keys.ShouldBe(lineState.Keys);
        foreach (var (key, value) in lineState) batchedState[key].ShouldBe(value, key);
        batchedState.Keys.Count(k => k.StartsWith("event ")).ShouldBeGreaterThan(50);
        batchedState.Keys.Count(k => k.StartsWith("mt_doc_")).ShouldBeGreaterThan(30);

        // Rows written by one transaction share its id (xmin): the batches wrote the events in far fewer transactions.
        var (batchedTransactions, lineTransactions) = (await TransactionsAsync(batched), await TransactionsAsync(lineByLine));
        batchedTransactions.ShouldBeLessThan(lineTransactions / 2, $"{batchedTransactions} transactions in batches, {lineTransactions} line by line");
    }

    private static async Task<int> TransactionsAsync(AppFixture app) =>
        (await RowsAsync($"select xmin::text, '' from \"{app.Schema}\".mt_events")).Count;

}

public class BatchCommitFailureTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_batch_whose_commit_fails_runs_its_lines_again_one_by_one_and_each_gets_its_own_answer()
    {
        // The batch cannot know the id is taken: it learns it when its commit fails, which then writes nothing.
        var taken = Guid.CreateVersion7();
        (await app.Post("/api/understandings", Given.DemilitarisedZone(taken))).Status.ShouldBe(HttpStatusCode.Created);
        var id = Guid.CreateVersion7();
        var p = """{"sources":[{"name":"Reuters","kind":"media","reliability":"B","credibility":2}],"occurred":{"from":"2025-10-01"}}""";
        string Propose(Guid understanding) =>
            $$"""{"command":"ProposeUnderstanding","understandingId":"{{understanding}}","title":"T","kind":"roadmap","parties":[{"name":"B","role":"party"}],"stage":"pre-negotiation","provenance":{{p}}}""";
        string Stage(string stage, int version) =>
            $$"""{"command":"ChangeStage","understandingId":"{{id}}","stage":"{{stage}}","version":{{version}},"provenance":{{p}}}""";

        var results = (await BatchedImportTests.Import(app, string.Join("\n", Propose(id), Stage("ceasefire", 1), Propose(taken), Stage("renewal", 2))))
            .Select(l => JsonNode.Parse(l)!).ToList();

        results.Take(4).Select(r => r["status"]!.GetValue<int>()).ShouldBe([201, 200, 409, 200]);
        (await app.StreamOf(id)).Select(e => e.Version).ShouldBe([1L, 2L, 3L]);
        (await app.StreamOf(taken)).Count.ShouldBe(1);
    }
}

public class BatchableCommandTests
{
    [Fact]
    public void Commands_that_read_other_streams_or_use_services_are_not_batched()
    {
        // Each of these reads more than its own stream (the development it names, the office's other holders, the incident a violation is), writes
        // its answer another way, or is not a command on a stream (the import itself, the hash chain's verification, a checkpoint, a release).
        string[] lineByLine = ["AppointOfficial", "AssessImplementation", "ContradictWithdrawal", "CorrectDevelopment", "CreateCheckpoint", "DisputeZoneViolation",
            "FindWithdrawalUnverifiable", "FreezeRelease", "ImportFieldReport", "ObserveWithdrawal", "ReportZoneViolation", "RetractDevelopment", "VerifyChain", "VerifyWithdrawal", "VerifyZoneViolation"];
        var all = typeof(Negotiations.Operations.Import.BatchableCommands).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly))
            .Select(m => System.Reflection.CustomAttributeExtensions.GetCustomAttribute<Wolverine.Http.WolverinePostAttribute>(m)?.OperationId)
            .OfType<string>().ToList();
        all.Except(Negotiations.Operations.Import.BatchableCommands.ByName.Keys).Order().ShouldBe(lineByLine.Order());
        Negotiations.Operations.Import.BatchableCommands.ByName["ChangeStage"].Before.ShouldNotBeNull();
        Negotiations.Operations.Import.BatchableCommands.ByName["MakeStatement"].Named.ShouldHaveSingleItem().Property.Name.ShouldBe("UnderstandingIds");
        Negotiations.Operations.Import.BatchableCommands.ByName["ReportIncident"].Named.Select(n => n.Property.Name).ShouldBe(["UnderstandingIds", "CasualtyClaimIds"], ignoreOrder: true);
    }
}
