using System.Net;
using System.Text.Json;
using Negotiations.Kernel;
using Negotiations.Tests.Support;
using Negotiations.Understandings;

namespace Negotiations.Tests.Dates;

/// <summary>Dates as people write them: a day, a month, a year or a range of them, with the precision kept.</summary>
public class WrittenDateTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("2025-09-14", "2025-09-14", DatePrecision.Day, "2025-09-14")]
    [InlineData("2025-09", "2025-09-01", DatePrecision.Month, "2025-09-30")]
    [InlineData("2025", "2025-01-01", DatePrecision.Year, "2025-12-31")]
    [InlineData("2025-07/2025-09", "2025-07-01", DatePrecision.Range, "2025-09-30")]
    [InlineData("2024/2025-03-15", "2024-01-01", DatePrecision.Range, "2025-03-15")]
    [InlineData(" 2025-02 ", "2025-02-01", DatePrecision.Month, "2025-02-28")]
    public void A_written_date_keeps_its_precision_and_spans_its_days(string written, string from, DatePrecision precision, string latest)
    {
        var occurrence = Occurrence.Written(written).ShouldNotBeNull();

        occurrence.From.ShouldBe(DateOnly.Parse(from));
        occurrence.Precision.ShouldBe(precision);
        occurrence.Latest.ShouldBe(DateOnly.Parse(latest));
    }

    [Theory]
    [InlineData("September 2025")]
    [InlineData("2025-13")]
    [InlineData("25")]
    [InlineData("2025-09-31")]
    [InlineData("2025-09/2025-07")]
    [InlineData("2025/2026/2027")]
    [InlineData("")]
    public void Anything_else_is_not_a_written_date(string written) => Occurrence.Written(written).ShouldBeNull();

    private static string Body(string occurred, int version) =>
        $$$"""{"stage":"ceasefire","version":{{{version}}},"provenance":{"sources":[{"name":"Diplomats","kind":"diplomatic"}],"occurred":{{{occurred}}}}}""";

    [Fact]
    public async Task A_development_dated_by_a_month_or_a_year_is_stored_with_that_precision_and_answered_as_the_object()
    {
        var id = (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created).Id;

        (await app.PostRaw($"/api/understandings/{id}/stage", Body("\"2025-09\"", 1))).Status.ShouldBe(HttpStatusCode.OK);
        (await app.PostRaw($"/api/understandings/{id}/stage", Body("\"2025\"", 2).Replace("ceasefire", "framework-partial"))).Status.ShouldBe(HttpStatusCode.OK);

        var stream = await app.StreamOf(id);
        ((UnderstandingStageChanged)stream[1].Data).Provenance.Occurred.ShouldBe(new Occurrence(new DateOnly(2025, 9, 1), DatePrecision.Month));
        ((UnderstandingStageChanged)stream[2].Data).Provenance.Occurred.ShouldBe(new Occurrence(new DateOnly(2025, 1, 1), DatePrecision.Year));
        var history = (await app.Get($"/api/audit/streams/{id}/events")).ShouldBe(HttpStatusCode.OK).Body!.ToJsonString();
        history.ShouldContain("""{"from":"2025-01-01","precision":"year","to":null}""");
    }

    [Fact]
    public async Task A_date_in_no_accepted_form_is_a_400_that_lists_the_forms_with_nothing_appended()
    {
        var id = (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created).Id;
        var before = await app.EventCount();

        var refused = (await app.PostRaw($"/api/understandings/{id}/stage", Body("\"September 2025\"", 1))).ShouldBeProblem(HttpStatusCode.BadRequest);
        var errors = refused.Body!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["provenance.occurred"]);
        var message = errors["provenance.occurred"]![0]!.GetValue<string>();
        message.ShouldContain("a month YYYY-MM");
        message.ShouldContain("a year YYYY");
        message.ShouldNotContain("Negotiations.");

        (await app.PostRaw($"/api/understandings/{id}/stage", Body("""{"from":"2025-09-14","precision":"year"}""", 1)))
            .ShouldBeProblem(HttpStatusCode.BadRequest).Body!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["provenance.occurred.from"]);
        (await app.EventCount()).ShouldBe(before);
    }
}
