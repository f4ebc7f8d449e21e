using System.Net;
using Microsoft.AspNetCore.Hosting;
using Negotiations.Operations.Observability;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Observability;

public class TelemetryFixture : AppFixture
{
    protected override void Configure(IWebHostBuilder builder) =>
        builder.UseSetting("Negotiations:Telemetry:LagSampleInterval", "00:00:00.200");
}

public class TelemetryTests(TelemetryFixture app) : IClassFixture<TelemetryFixture>
{
    [Fact]
    public async Task A_commands_events_carry_the_correlation_id_its_answer_names()
    {
        var reply = (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created);

        var correlation = reply.Message.Headers.GetValues(CorrelationHeader.Name).Single();
        correlation.ShouldMatch("^[0-9a-f]{32}$");
        (await app.StreamOf(reply.Id)).ShouldAllBe(e => e.CorrelationId == correlation);
    }

    [Fact]
    public async Task A_refused_command_names_the_same_trace_in_its_problem()
    {
        var reply = (await app.Post("/api/understandings", new { title = "" })).ShouldBeProblem(HttpStatusCode.BadRequest);

        reply.Body!["traceId"]!.GetValue<string>().ShouldContain(reply.Message.Headers.GetValues(CorrelationHeader.Name).Single());
    }

    [Fact]
    public async Task Metrics_answer_prometheus_text_with_the_projection_lag_of_each_async_projection()
    {
        (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        string text;
        using var client = app.Client(TestKeys.Viewer);
        do
        {
            var response = await client.GetAsync(TelemetrySetup.MetricsPath);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
            text = await response.Content.ReadAsStringAsync();
        } while (!(text.Contains("negotiations_projection_lag{") && text.Contains("http_server_request_duration_seconds")) && DateTime.UtcNow < deadline && await Task.Delay(100).ContinueWith(_ => true));

        text.ShouldContain("# TYPE negotiations_projection_lag gauge");
        text.ShouldContain("projection=\"UnderstandingStatus\"");
        text.ShouldContain("projection=\"Timeline\"");
        text.ShouldContain("http_server_request_duration_seconds");
    }

    [Fact]
    public async Task Metrics_need_a_viewer()
    {
        using var anonymous = app.Host.Server.CreateClient();
        (await anonymous.GetAsync(TelemetrySetup.MetricsPath)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
