using System.Net;
using Negotiations.Kernel;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Corrections;
using Negotiations.Statements;
using Negotiations.Tests.Rounds;
using Negotiations.Tests.Support;
using Negotiations.Understandings;
using IEvent = JasperFx.Events.IEvent;

namespace Negotiations.Tests.Statements;

/// <summary>Statement in, state out; no database.</summary>
public class StatementDeciderTests
{
    private static readonly Guid Id = Guid.Parse("0199c000-0000-7000-8000-000000000701");
    private static readonly Guid Zone = Guid.Parse("01990000-0000-7000-8000-000000000001");

    [Fact]
    public void A_statement_is_folded_with_who_said_what_where_and_when()
    {
        var command = GivenRounds.Netanyahu([Zone, Zone]) with { Speaker = " Benjamin Netanyahu ", Place = " Jerusalem " };

        var statement = Statement.Fold(null, command.Decide(Id).AsEvent())!;

        statement.Id.ShouldBe(Id);
        statement.Speaker.ShouldBe("Benjamin Netanyahu");
        statement.OnBehalfOf.ShouldBe("Israel");
        statement.Role.ShouldBe(PartyRole.Party);
        statement.Place.ShouldBe("Jerusalem");
        statement.UnderstandingIds.ShouldBe([Zone]);
        statement.MadeOn.ShouldBe(command.Provenance.Occurred);
        statement.Retracted.ShouldBeFalse();
    }

    [Fact]
    public void A_retraction_of_the_statement_is_honoured_and_other_streams_make_no_statement()
    {
        var made = Guid.CreateVersion7();
        var statement = Statement.Fold(null, GivenRounds.Netanyahu([Zone]).Decide(Id).AsEvent(made))!;

        Statement.Fold(statement, new DevelopmentRetracted(Guid.CreateVersion7(), "x", "other").AsEvent(version: 2))!.Retracted.ShouldBeFalse();
        var retracted = Statement.Fold(statement, new DevelopmentRetracted(made, "statement_made", "Misattributed").AsEvent(version: 2))!;
        retracted.Retracted.ShouldBeTrue();
        retracted.Version.ShouldBe(2);
        Statement.Fold(null, new DevelopmentRetracted(made, "x", "probe").AsEvent()).ShouldBeNull();
    }

    [Fact]
    public void A_retracted_statement_reads_as_retracted_in_the_stream_as_it_stands()
    {
        var made = GivenRounds.Netanyahu([Zone]).Decide(Id).AsEvent(version: 1);
        IEvent[] stream = [made, new DevelopmentRetracted(made.Id, "statement_made", "Misattributed").AsEvent(version: 2)];

        var retracted = AsItStands.Fold<Statement>(stream)!;
        (retracted.Retracted, retracted.Summary, retracted.MadeBy, retracted.Version).ShouldBe((true, made.Data.Summary, made.Id, 2L));
        AsItStands.Fold<Statement>([made, new DevelopmentRetracted(Guid.CreateVersion7(), "x", "other").AsEvent(version: 2)])!.Retracted.ShouldBeFalse();
    }

    [Fact]
    public void Validation_names_every_bad_field()
    {
        var command = GivenRounds.Netanyahu([Guid.Empty]) with { Speaker = "", Role = (PartyRole)9, Summary = " ", StatementId = Guid.Empty };

        ((ValidationProblemDetails)command.Validate()).Errors.Keys.ShouldBe(
            ["speaker", "role", "summary", "understandingIds[0]", "statementId"], ignoreOrder: true);
        ((ValidationProblemDetails)(GivenRounds.Netanyahu([]) with { Provenance = null! }).Validate()).Errors.Keys.ShouldBe(
            ["understandingIds", "provenance"], ignoreOrder: true);
    }
}

/// <summary>Statements through HTTP against PostgreSQL.</summary>
public class StatementApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<Guid> Understanding() => (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created).Id;

    [Fact]
    public async Task A_statement_is_logged_and_read_back()
    {
        var zone = await Understanding();

        var reply = (await app.Post("/api/statements", GivenRounds.Netanyahu([zone]))).ShouldBe(HttpStatusCode.Created);
        reply.Message.Headers.Location!.ToString().ShouldBe($"/api/statements/{reply.Id}");

        var statement = (await app.Get($"/api/statements/{reply.Id}")).ShouldBe(HttpStatusCode.OK).Body!;
        statement["speaker"]!.GetValue<string>().ShouldBe("Benjamin Netanyahu");
        statement["role"]!.GetValue<string>().ShouldBe("party");
        statement["understandingIds"]!.AsArray().Single()!.GetValue<Guid>().ShouldBe(zone);
        statement["madeOn"]!["from"]!.GetValue<string>().ShouldBe("2025-09-15");
        statement["version"]!.GetValue<int>().ShouldBe(1);
        (await app.StreamOf(reply.Id)).Single().Data.ShouldBeOfType<StatementMade>();
    }

    [Fact]
    public async Task Rejections_append_nothing()
    {
        var zone = await Understanding();
        var unknown = Guid.CreateVersion7();
        var taken = (await app.Post("/api/statements", GivenRounds.Netanyahu([zone]))).Id;
        var before = await app.EventCount();

        (await app.Post("/api/statements", GivenRounds.Netanyahu([zone]) with { Summary = "" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["summary"]);
        (await app.PostRaw("/api/statements",
                """{"speaker":"x","role":"spokesman","summary":"y","understandingIds":[],"provenance":{"sources":[{"name":"x","kind":"media"}],"occurred":{"from":"2025-09-15"}}}"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        (await app.Post("/api/statements", GivenRounds.Netanyahu([zone, unknown], unknown)))
            .ShouldBeProblem(HttpStatusCode.NotFound).Detail!.ShouldBe($"No understanding has id {unknown}.");
        (await app.Post("/api/statements", GivenRounds.Netanyahu([zone], taken))).ShouldBeProblem(HttpStatusCode.Conflict);
        (await app.Get($"/api/statements/{unknown}")).ShouldBeProblem(HttpStatusCode.NotFound);

        (await app.EventCount()).ShouldBe(before);
        (await app.StreamOf(unknown)).ShouldBeEmpty();
        (await app.StreamOf(taken)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_retracted_statement_reads_as_retracted()
    {
        var id = (await app.Post("/api/statements", GivenRounds.Netanyahu([await Understanding()]))).Id;
        var made = (await app.StreamOf(id)).Single().Id;

        (await app.Post($"/api/developments/{made}/retraction", new RetractDevelopment("Misattributed"))).ShouldBe(HttpStatusCode.OK);

        var statement = (await app.Get($"/api/statements/{id}")).ShouldBe(HttpStatusCode.OK).Body!;
        statement["retracted"]!.GetValue<bool>().ShouldBeTrue();
        statement["version"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task A_statement_is_not_corrected_but_retracted_and_logged_anew()
    {
        var zone = await Understanding();
        var id = (await app.Post("/api/statements", GivenRounds.Netanyahu([zone]))).Id;
        var made = (await app.StreamOf(id)).Single().Id;
        var replacement = (GivenRounds.Netanyahu([zone]) with { Summary = "What was in fact said" }).Decide(id);

        (await app.Post($"/api/developments/{made}/correction", new { reason = "Misquoted", replacement })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);

        var statement = (await app.Get($"/api/statements/{id}")).ShouldBe(HttpStatusCode.OK).Body!;
        statement["summary"]!.GetValue<string>().ShouldBe(GivenRounds.Netanyahu([zone]).Summary);
        (statement["retracted"]!.GetValue<bool>(), statement["version"]!.GetValue<int>()).ShouldBe((false, 1));
        (await app.StreamOf(id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_statement_about_a_retracted_understanding_is_a_404()
    {
        var zone = await Understanding();
        var proposed = (await app.StreamOf(zone)).Single().Id;
        await app.Post($"/api/developments/{proposed}/retraction", new RetractDevelopment("Never proposed"));
        var before = await app.EventCount();

        (await app.Post("/api/statements", GivenRounds.Netanyahu([zone]))).ShouldBeProblem(HttpStatusCode.NotFound);
        (await app.EventCount()).ShouldBe(before);
    }
}
