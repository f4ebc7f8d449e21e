using System.Net;
using Negotiations.Casualties;
using Negotiations.Corrections;
using Negotiations.Tests.Commitments;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Casualties;

/// <summary>Casualty claims through HTTP against PostgreSQL. Every rejection leaves the stream and the store as they were.</summary>
public class CasualtyClaimApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<Guid> Published()
    {
        var reply = (await app.Post("/api/casualty-claims", GivenCasualties.SweidaToll())).ShouldBe(HttpStatusCode.Created);
        reply.Message.Headers.Location!.ToString().ShouldBe($"/api/casualty-claims/{reply.Id}");
        return reply.Id;
    }

    private async Task StreamIsUnchanged(Guid id, int expectedEvents, Func<Task> rejected)
    {
        var before = await app.EventCount();
        await rejected();
        (await app.StreamOf(id)).Count.ShouldBe(expectedEvents);
        (await app.EventCount()).ShouldBe(before);
    }

    private static ReviseCasualtyClaim Revise(int best, long version, string source = GivenCasualties.Observatory) =>
        new(source, new CasualtyFigures(null, best, null), null, "more bodies found", GivenCasualties.FromObservatory(new DateOnly(2025, 9, 20)), version);

    [Fact]
    public void The_demo_claim_is_valid() => GivenCasualties.SweidaToll().Validate().ShouldBeSameAs(Wolverine.Http.WolverineContinue.NoProblems);

    [Fact]
    public async Task A_claim_linked_to_an_understanding_is_published_and_read_back()
    {
        var roadmap = (await app.Post("/api/understandings", GivenCommitments.SweidaRoadmap())).Id;
        var id = (await app.Post("/api/casualty-claims", GivenCasualties.SweidaToll([roadmap]))).ShouldBe(HttpStatusCode.Created).Id;

        var body = (await app.Get($"/api/casualty-claims/{id}")).ShouldBe(HttpStatusCode.OK).Body!;

        body["source"]!.GetValue<string>().ShouldBe(GivenCasualties.Observatory);
        body["period"]!["precision"]!.GetValue<string>().ShouldBe("range");
        body["period"]!["to"]!.GetValue<string>().ShouldBe("2025-09-15");
        body["latest"]!["figures"]!["low"]!.GetValue<int>().ShouldBe(2000);
        body["latest"]!["figures"]!["high"].ShouldBeNull();
        body["latest"]!["breakdown"]![0]!["alleged"]!.GetValue<bool>().ShouldBeTrue();
        body["understandingIds"]![0]!.GetValue<Guid>().ShouldBe(roadmap);
        body["version"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Revisions_and_disputes_are_appended_and_the_history_is_kept()
    {
        var id = await Published();

        (await app.Post($"/api/casualty-claims/{id}/revisions", Revise(2300, 1))).ShouldBe(HttpStatusCode.OK)
            .Body!["figures"]!["best"]!.GetValue<int>().ShouldBe(2300);
        (await app.Post($"/api/casualty-claims/{id}/disputes",
            new DisputeCasualtyClaim("Syrian interior ministry", "Counts fighters as civilians", Given.Reported(), 2))).ShouldBe(HttpStatusCode.OK)
            .Body!["version"]!.GetValue<int>().ShouldBe(3);

        var stream = await app.StreamOf(id);
        stream.Select(e => e.Data.GetType()).ShouldBe([typeof(CasualtyClaimPublished), typeof(CasualtyClaimRevised), typeof(CasualtyClaimDisputed)]);
        var claim = (await app.Get($"/api/casualty-claims/{id}")).ShouldBe(HttpStatusCode.OK).Body!;
        claim["disputed"]!.GetValue<bool>().ShouldBeTrue();
        claim["published"]!["figures"]!["best"]!.GetValue<int>().ShouldBe(2000);
        claim["revisions"]!.AsArray().Select(h => h!["figures"]!["best"]!.GetValue<int>()).ShouldBe([2300]);
        claim["revisions"]![0]!["eventId"]!.GetValue<Guid>().ShouldBe(stream[1].Id);
        claim["latest"]!["breakdown"]![0]!["count"]!.GetValue<int>().ShouldBe(789);
        claim["disputes"]![0]!["eventId"]!.GetValue<Guid>().ShouldBe(stream[2].Id);
        (claim["revisionCount"]!.GetValue<int>(), claim["disputeCount"]!.GetValue<int>()).ShouldBe((1, 1));
    }

    [Fact]
    public async Task Resending_satisfied_commands_appends_nothing()
    {
        var id = await Published();
        await app.Post($"/api/casualty-claims/{id}/disputes", new DisputeCasualtyClaim("Syrian interior ministry", "Inflated", Given.Reported(), 1));

        await StreamIsUnchanged(id, 2, async () =>
        {
            (await app.Post($"/api/casualty-claims/{id}/revisions", Revise(2000, 2) with { Figures = new CasualtyFigures(2000, 2000, null) })).ShouldBe(HttpStatusCode.OK);
            (await app.Post($"/api/casualty-claims/{id}/disputes", new DisputeCasualtyClaim("Syrian interior ministry", "Inflated", Given.Reported(), 2)))
                .ShouldBe(HttpStatusCode.OK);
        });
    }

    [Fact]
    public async Task Bad_figures_are_a_400_naming_the_fields()
    {
        var id = await Published();

        await StreamIsUnchanged(id, 1, async () =>
        {
            (await app.Post("/api/casualty-claims", GivenCasualties.SweidaToll() with { Figures = new CasualtyFigures(3000, 2000, 500) }))
                .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["figures.low", "figures.high", "breakdown[0].count"], ignoreOrder: true);
            (await app.Post($"/api/casualty-claims/{id}/revisions", Revise(-5, 1) with { Figures = new CasualtyFigures(null, -5, null) }))
                .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["figures.best"]);
            (await app.PostRaw("/api/casualty-claims", """{"source":"s","figures":{"best":"many"}}""")).ShouldBeProblem(HttpStatusCode.BadRequest);
        });
    }

    [Fact]
    public async Task Another_sources_revision_and_the_sources_own_dispute_are_a_422()
    {
        var id = await Published();

        await StreamIsUnchanged(id, 1, async () =>
        {
            (await app.Post($"/api/casualty-claims/{id}/revisions", Revise(1500, 1, "Syrian interior ministry")))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity).Detail!.ShouldContain("claim of their own");
            (await app.Post($"/api/casualty-claims/{id}/disputes", new DisputeCasualtyClaim(GivenCasualties.Observatory, "x", Given.Reported(), 1)))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        });
    }

    [Fact]
    public async Task A_stale_version_is_a_409()
    {
        var id = await Published();
        await app.Post($"/api/casualty-claims/{id}/revisions", Revise(2300, 1));

        await StreamIsUnchanged(id, 2, async () =>
        {
            (await app.Post($"/api/casualty-claims/{id}/revisions", Revise(2400, 1))).ShouldBeProblem(HttpStatusCode.Conflict);
            (await app.Post($"/api/casualty-claims/{id}/disputes", new DisputeCasualtyClaim("Syrian interior ministry", "x", Given.Reported(), 1)))
                .ShouldBeProblem(HttpStatusCode.Conflict);
        });
    }

    [Fact]
    public async Task An_unknown_claim_or_linked_understanding_is_a_404()
    {
        var before = await app.EventCount();
        var unknown = Guid.CreateVersion7();

        (await app.Post("/api/casualty-claims", GivenCasualties.SweidaToll([unknown]))).ShouldBeProblem(HttpStatusCode.NotFound).Detail!.ShouldContain(unknown.ToString());
        (await app.Get($"/api/casualty-claims/{unknown}")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await app.Post($"/api/casualty-claims/{unknown}/revisions", Revise(10, 1))).ShouldBe(HttpStatusCode.NotFound);
        (await app.Post($"/api/casualty-claims/{unknown}/disputes", new DisputeCasualtyClaim("x", "y", Given.Reported(), 1))).ShouldBe(HttpStatusCode.NotFound);

        (await app.EventCount()).ShouldBe(before);
        (await app.StreamOf(unknown)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_retracted_revision_falls_back_to_the_figures_before_and_a_taken_id_is_a_409()
    {
        var id = await Published();
        await app.Post($"/api/casualty-claims/{id}/revisions", Revise(2300, 1));
        var revision = (await app.StreamOf(id))[1].Id;

        (await app.Post($"/api/developments/{revision}/retraction", new RetractDevelopment("Misquoted"))).ShouldBe(HttpStatusCode.OK);

        var body = (await app.Get($"/api/casualty-claims/{id}")).Body!;
        body["latest"]!["figures"]!["best"]!.GetValue<int>().ShouldBe(2000);
        body["revisions"]!.AsArray().ShouldBeEmpty();
        body["revisionCount"]!.GetValue<int>().ShouldBe(0);

        await StreamIsUnchanged(id, 3, async () =>
            (await app.Post("/api/casualty-claims", GivenCasualties.SweidaToll(id: id))).ShouldBeProblem(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Figures_are_kept_as_the_source_states_them_and_a_form_given_figures_it_does_not_name_is_a_400_with_nothing_appended()
    {
        var id = Guid.CreateVersion7();
        var claim = GivenCasualties.SweidaToll(id: id) with { Figures = new CasualtyFigures(Low: 2000, Stated: EstimateForm.MoreThan) };
        (await app.Post("/api/casualty-claims", claim)).ShouldBe(HttpStatusCode.Created);

        var figures = (await app.Get($"/api/casualty-claims/{id}")).Body!["latest"]!["figures"]!;
        figures["stated"]!.GetValue<string>().ShouldBe("more-than");
        figures["low"]!.GetValue<int>().ShouldBe(2000);
        figures["best"].ShouldBeNull(); // never invented
        figures["high"].ShouldBeNull();

        // A researchers' range with no best figure, as a revision by the same source.
        (await app.Post($"/api/casualty-claims/{id}/revisions", Revise(0, 1) with { Figures = new CasualtyFigures(162_000, null, 378_000, EstimateForm.Range) }))
            .ShouldBe(HttpStatusCode.OK);
        (await app.Get($"/api/casualty-claims/{id}")).Body!["latest"]!["figures"]!.ToJsonString().ShouldBe("""{"low":162000,"best":null,"high":378000,"stated":"range"}""");

        await StreamIsUnchanged(id, 2, async () =>
        {
            var refused = (await app.PostRaw($"/api/casualty-claims/{id}/revisions",
                $$"""{"source":"{{GivenCasualties.Observatory}}","figures":{"stated":"more-than","low":2000,"best":2000},"breakdown":[],"provenance":{{System.Text.Json.JsonSerializer.Serialize(GivenCasualties.FromObservatory(), Api.Json)}},"version":2}"""))
                .ShouldBeProblem(HttpStatusCode.BadRequest);
            refused.Body!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["figures.best"]);
            (await app.PostRaw($"/api/casualty-claims/{id}/revisions", """{"figures":{"stated":"many"}}""")).ShouldBeProblem(HttpStatusCode.BadRequest)
                .Body!.ToJsonString().ShouldContain("no-figure");
        });
    }
}
