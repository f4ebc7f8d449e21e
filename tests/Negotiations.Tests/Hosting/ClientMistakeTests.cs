using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Negotiations.Tests.Support;
using Negotiations.Understandings;

namespace Negotiations.Tests.Hosting;

public class RecordedLogsFixture : AppFixture
{
    public RecordedLogs Logs { get; } = new();

    protected override void Configure(IWebHostBuilder builder) =>
        // Every level reaches the recorder, whatever the test host's console shows.
        builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(Logs).AddFilter<RecordedLogs>(_ => true)));
}

/// <summary>
/// A client's mistake (a body that is not JSON or holds values of the wrong kind, a query value that does not parse,
/// a parameter the endpoint does not take, an id that is no id) is answered in the API's words: a ProblemDetails with
/// an errors map keyed by field (the JSON path as Validate() names fields) or parameter, no .NET type names, an RFC 9110
/// type link; nothing is appended, and nothing is logged as a warning or error, nor with a stack trace.
/// </summary>
public class ClientMistakeTests(RecordedLogsFixture app) : IClassFixture<RecordedLogsFixture>
{
    private const string Rfc9110BadRequest = "https://tools.ietf.org/html/rfc9110#section-15.5.1";

    private const string Provenance = """{"sources":[{"name":"Syrian foreign ministry","kind":"government"}],"occurred":{"from":"2025-09-15"}}""";

    public static TheoryData<string, string, string> Bodies => new()
    {
        // body, the field named, a word of what it accepts
        { $$"""{"status":2,"version":1,"provenance":{{Provenance}}}""", "status", "under-negotiation" },
        { $$"""{"status":"finished","version":1,"provenance":{{Provenance}}}""", "status", "under-negotiation" },
        { $$"""{"status":"agreed","version":"one","provenance":{{Provenance}}}""", "version", "whole number" },
        { """{"status":"agreed","version":1,"provenance":{"sources":[{"name":"x","kind":"media","reliability":"Z"}],"occurred":{"from":"2025-09-15"}}}""", "provenance.sources[0].reliability", "one of the words a, b" },
        { """{"status":"agreed","version":1,"provenance":{"sources":[],"occurred":{"from":"15/09/2025"}}}""", "provenance.occurred.from", "YYYY-MM-DD" },
        { """{"status":"agreed","version":1,"provenance":{"sources":{"name":"x"},"occurred":{"from":"2025-09-15"}}}""", "provenance.sources", "JSON array" },
        { """{"status":"agreed","version":1,"provenance":"ministry"}""", "provenance", "JSON object with the fields sources, occurred" },
        { """{"status": }""", "status", "Not JSON at line 1" },
        { """{"status":"agreed",""", "$", "Not JSON" },
        { "null", "$", "JSON object" },
        { "[1,2]", "$", "JSON object with the fields status" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_body_that_cannot_be_read_names_the_field_and_what_it_accepts(string body, string field, string accepted)
    {
        var id = await ProposeAsync();
        var before = await app.EventCount();
        var logged = app.Logs.Entries.Count;

        var reply = (await app.PostRaw($"/api/understandings/{id}/lifecycle", body)).ShouldBeProblem(HttpStatusCode.BadRequest);

        reply.Errors!.Select(e => e.Key).ShouldBe([field], reply.Body!.ToJsonString());
        reply.Errors![field]![0]!.GetValue<string>().ShouldContain(accepted);
        InTheApisWords(reply);
        (await app.EventCount()).ShouldBe(before);
        NothingLoggedAsAFailure(logged);
    }

    [Theory]
    [InlineData("/api/timeline?asOf=yesterday", "asOf", "YYYY-MM-DD")]
    [InlineData("/api/timeline?knownAt=soon", "knownAt", "ISO-8601")]
    [InlineData("/api/timeline?understandingId=zone", "understandingId", "UUID")]
    [InlineData("/api/timeline?page=two", "page", "whole number")]
    [InlineData("/api/understandings/{id}/status?asOf=2025-13-01", "asOf", "YYYY-MM-DD")]
    [InlineData("/api/understandings/{id}?knownAt=yesterday", "knownAt", "ISO-8601")]
    [InlineData("/api/understandings/{id}?asOf=2025-12-31T00:00:00Z", "asOf", "it takes version, knownAt")]
    [InlineData("/api/timeline?asof=2025-09-01&colour=red", "colour", "it takes understandingId, party")]
    public async Task A_query_value_that_cannot_be_read_names_the_parameter_and_what_it_accepts(string url, string parameter, string accepted)
    {
        var id = await ProposeAsync();
        var logged = app.Logs.Entries.Count;

        var reply = (await app.Get(url.Replace("{id}", id.ToString()))).ShouldBeProblem(HttpStatusCode.BadRequest);

        reply.Errors!.Select(e => e.Key).ShouldBe([parameter], reply.Body!.ToJsonString());
        reply.Errors![parameter]![0]!.GetValue<string>().ShouldContain(accepted);
        reply.Body!["title"]!.GetValue<string>().ShouldBe("The query is not valid");
        InTheApisWords(reply);
        NothingLoggedAsAFailure(logged);
    }

    [Theory]
    [InlineData("/api/incidents?withinKm=5", "withinKm")]
    [InlineData("/api/zones?kind=moat", "kind")]
    [InlineData("/api/places?bbox=1,2", "bbox")]
    [InlineData("/api/timeline?from=2025-09-02&to=2025-09-01", "to")]
    [InlineData("/api/offices/id?office=Envoy", "jurisdiction")]
    public async Task A_query_a_read_refuses_is_said_to_be_an_invalid_query(string url, string parameter)
    {
        var logged = app.Logs.Entries.Count;

        var reply = (await app.Get(url)).ShouldBeProblem(HttpStatusCode.BadRequest);

        reply.Errors!.ContainsKey(parameter).ShouldBeTrue(reply.Body!.ToJsonString());
        reply.Body!["title"]!.GetValue<string>().ShouldBe("The query is not valid");
        InTheApisWords(reply);
        NothingLoggedAsAFailure(logged);
    }

    [Fact]
    public async Task An_id_in_the_path_that_is_no_id_is_a_404_naming_it()
    {
        var before = await app.EventCount();
        var logged = app.Logs.Entries.Count;

        var read = (await app.Get("/api/understandings/zone-1")).ShouldBeProblem(HttpStatusCode.NotFound);
        var command = (await app.PostRaw("/api/understandings/zone-1/lifecycle", "{}")).ShouldBeProblem(HttpStatusCode.NotFound);

        foreach (var reply in new[] { read, command })
        {
            reply.Detail.ShouldNotBeNull().ShouldContain("understandingId");
            reply.Detail.ShouldContain("UUID");
        }
        (await app.EventCount()).ShouldBe(before);
        NothingLoggedAsAFailure(logged);
    }

    [Fact]
    public async Task Writers_that_lose_a_race_get_a_409_and_nothing_is_logged_as_a_failure()
    {
        var id = await ProposeAsync();
        var logged = app.Logs.Entries.Count;

        var taken = await app.Post("/api/understandings", Given.DemilitarisedZone(id));
        // Both send back version 1: at most one can commit, the others lose at the commit or before it.
        var racing = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => app.Post($"/api/understandings/{id}/stage",
            new ChangeStage(i % 2 == 0 ? PaxStage.Ceasefire : PaxStage.Implementation, Given.Reported(), 1))));

        taken.ShouldBeProblem(HttpStatusCode.Conflict);
        racing.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1);
        racing.Where(r => r.Status != HttpStatusCode.OK).ShouldAllBe(r => r.Status == HttpStatusCode.Conflict);
        app.Logs.Entries.Skip(logged).ShouldContain(e => e.Category.StartsWith("Marten") && e.Level == LogLevel.Debug,
            "no conflict reached the store's log: the race did not happen at the commit");
        NothingLoggedAsAFailure(logged);
    }

    private async Task<Guid> ProposeAsync() =>
        (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created).Id;

    private static void InTheApisWords(Reply reply)
    {
        var text = reply.Body!.ToJsonString();
        text.ShouldNotContain("Negotiations.");
        text.ShouldNotContain("System.");
        text.ShouldNotContain("httpstatuses");
        reply.Body!["type"]!.GetValue<string>().ShouldBe(Rfc9110BadRequest);
        (reply.Body as JsonObject)!.Select(p => p.Key).ShouldBeSubsetOf(["type", "title", "status", "detail", "errors", "traceId"]);
    }

    private void NothingLoggedAsAFailure(int from) => app.Logs.ShouldHaveNoFailureSince(from);
}
