using System.Net;
using Negotiations.Commitments;
using Negotiations.Corrections;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Commitments;

/// <summary>Commitments through HTTP against PostgreSQL. Every rejection leaves the stream and the store as they were.</summary>
public class CommitmentApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<Guid> Roadmap() => (await app.Post("/api/understandings", GivenCommitments.SweidaRoadmap())).ShouldBe(HttpStatusCode.Created).Id;

    private async Task<Guid> Made()
    {
        var reply = (await app.Post("/api/commitments", GivenCommitments.JusticeForVictims(await Roadmap()))).ShouldBe(HttpStatusCode.Created);
        reply.Message.Headers.Location!.ToString().ShouldBe($"/api/commitments/{reply.Id}");
        return reply.Id;
    }

    /// <summary>A commitment with one reported step; returns the step's event id to cite as evidence.</summary>
    private async Task<(Guid Id, Guid Step)> MadeWithStep()
    {
        var id = await Made();
        (await app.Post($"/api/commitments/{id}/steps", new ReportImplementationStep("Syrian government", "Investigative committee formed", Given.Reported(), 1)))
            .ShouldBe(HttpStatusCode.OK);
        return (id, (await app.StreamOf(id))[1].Id);
    }

    private async Task StreamIsUnchanged(Guid id, int expectedEvents, Func<Task> rejected)
    {
        var before = await app.EventCount();
        await rejected();
        (await app.StreamOf(id)).Count.ShouldBe(expectedEvents);
        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_commitment_is_made_within_an_understanding_and_read_back()
    {
        var roadmap = await Roadmap();
        var id = (await app.Post("/api/commitments", GivenCommitments.JusticeForVictims(roadmap) with { Deadline = new DateOnly(2025, 12, 31) }))
            .ShouldBe(HttpStatusCode.Created).Id;

        var body = (await app.Get($"/api/commitments/{id}")).ShouldBe(HttpStatusCode.OK).Body!;

        body["understandingId"]!.GetValue<Guid>().ShouldBe(roadmap);
        body["category"]!.GetValue<string>().ShouldBe("justice-for-victims");
        body["responsibleParty"]!.GetValue<string>().ShouldBe("Syrian government");
        body["backers"]!.AsArray().Select(b => b!.GetValue<string>()).ShouldBe(["United States", "Jordan"]);
        body["deadline"]!.GetValue<string>().ShouldBe("2025-12-31");
        body["standing"]!.GetValue<string>().ShouldBe("in-force");
        body["assessment"].ShouldBeNull();
        body["version"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Every_development_is_appended_and_shows_in_the_commitment()
    {
        var (id, step) = await MadeWithStep();

        (await app.Post($"/api/commitments/{id}/deadline", new ChangeCommitmentDeadline(new DateOnly(2026, 3, 1), "extended", Given.Reported(), 2)))
            .ShouldBe(HttpStatusCode.OK).Body!["deadline"]!.GetValue<string>().ShouldBe("2026-03-01");
        var assessed = (await app.Post($"/api/commitments/{id}/assessments",
            new AssessImplementation(1, "A committee exists; no trials yet", [step], GivenCommitments.FromJordan(), 3))).ShouldBe(HttpStatusCode.OK).Body!;
        assessed["assessment"]!["level"]!.GetValue<int>().ShouldBe(1);
        assessed["assessment"]!["meaning"]!.GetValue<string>().ShouldBe("minimal");
        assessed["assessment"]!["evidence"]![0]!.GetValue<Guid>().ShouldBe(step);
        (await app.Post($"/api/commitments/{id}/breaches", new ReportCommitmentBreach("Security forces", "Detainees executed", Given.Reported(), 4)))
            .ShouldBe(HttpStatusCode.OK).Body!["recentBreaches"]!.AsArray().Count.ShouldBe(1);
        (await app.Post($"/api/commitments/{id}/reversal", new ReverseCommitment("Pledge withdrawn", Given.Reported(), 5)))
            .ShouldBe(HttpStatusCode.OK).Body!["standing"]!.GetValue<string>().ShouldBe("reversed");
        (await app.Post($"/api/commitments/{id}/reaffirmation", new ReaffirmCommitment("Recommitted", Given.Reported(), 6)))
            .ShouldBe(HttpStatusCode.OK).Body!["standing"]!.GetValue<string>().ShouldBe("in-force");

        var stream = await app.StreamOf(id);
        stream.Select(e => e.Data.GetType()).ShouldBe([
            typeof(CommitmentMade), typeof(ImplementationStepReported), typeof(CommitmentDeadlineChanged), typeof(ImplementationAssessed),
            typeof(CommitmentBreached), typeof(CommitmentReversed), typeof(CommitmentReaffirmed)]);
        var details = (await app.Get($"/api/commitments/{id}")).ShouldBe(HttpStatusCode.OK).Body!;
        details["version"]!.GetValue<int>().ShouldBe(7);
        (details["deadline"]!.GetValue<string>(), details["deadlineSetBy"]!.GetValue<Guid>()).ShouldBe(("2026-03-01", stream[2].Id));
        (details["assessment"]!["level"]!.GetValue<int>(), details["assessedBy"]!.GetValue<Guid>()).ShouldBe((1, stream[3].Id));
        details["latestSteps"]!.AsArray().Single()!["eventId"]!.GetValue<Guid>().ShouldBe(step);
        details["latestBreaches"]!.AsArray().Single()!["party"]!.GetValue<string>().ShouldBe("Security forces");
        (details["standing"]!.GetValue<string>(), details["standingReason"]!.GetValue<string>(), details["standingSetBy"]!.GetValue<Guid>())
            .ShouldBe(("in-force", "Recommitted", stream[6].Id));
    }

    [Fact]
    public async Task Resending_satisfied_commands_appends_nothing()
    {
        var (id, step) = await MadeWithStep();
        await app.Post($"/api/commitments/{id}/assessments", new AssessImplementation(1, "Committee only", [step], Given.Reported(), 2));

        await StreamIsUnchanged(id, 3, async () =>
        {
            (await app.Post($"/api/commitments/{id}/steps", new ReportImplementationStep("Syrian government", "Investigative committee formed", Given.Reported(), 3)))
                .ShouldBe(HttpStatusCode.OK);
            (await app.Post($"/api/commitments/{id}/assessments", new AssessImplementation(1, "Committee only", [step, step], Given.Reported(), 3)))
                .ShouldBe(HttpStatusCode.OK);
            (await app.Post($"/api/commitments/{id}/deadline", new ChangeCommitmentDeadline(null, null, Given.Reported(), 3))).ShouldBe(HttpStatusCode.OK);
            (await app.Post($"/api/commitments/{id}/reaffirmation", new ReaffirmCommitment(null, Given.Reported(), 3))).ShouldBe(HttpStatusCode.OK);
        });
    }

    [Fact]
    public async Task A_level_outside_the_scale_and_missing_evidence_are_a_400_naming_the_fields()
    {
        var (id, step) = await MadeWithStep();

        await StreamIsUnchanged(id, 2, async () =>
        {
            (await app.Post($"/api/commitments/{id}/assessments", new AssessImplementation(4, "Beyond full", [step], Given.Reported(), 2)))
                .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["level"]);
            (await app.Post($"/api/commitments/{id}/assessments", new AssessImplementation(2, "", [], Given.Reported(), 2)))
                .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["rationale", "evidence"], ignoreOrder: true);
            (await app.Post("/api/commitments", GivenCommitments.JusticeForVictims(Guid.Empty) with { Text = " " }))
                .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["understandingId", "text"], ignoreOrder: true);
            (await app.PostRaw("/api/commitments",
                    """{"understandingId":"01990000-0000-7000-8000-000000000003","text":"t","category":"amnesty","responsibleParty":"p","provenance":null}"""))
                .ShouldBeProblem(HttpStatusCode.BadRequest);
        });
    }

    [Fact]
    public async Task Citing_events_that_do_not_exist_is_a_404_naming_them()
    {
        var (id, step) = await MadeWithStep();
        Guid unknown1 = Guid.CreateVersion7(), unknown2 = Guid.CreateVersion7();

        await StreamIsUnchanged(id, 2, async () =>
        {
            var reply = (await app.Post($"/api/commitments/{id}/assessments", new AssessImplementation(2, "Trials", [step, unknown1, unknown2], Given.Reported(), 2)))
                .ShouldBeProblem(HttpStatusCode.NotFound);
            reply.Detail!.ShouldContain(unknown1.ToString());
            reply.Detail!.ShouldContain(unknown2.ToString());
            reply.Detail!.ShouldNotContain(step.ToString());
            reply.Body!["unknownEventIds"]!.AsArray().Select(i => i!.GetValue<Guid>()).ShouldBe([unknown1, unknown2]);
        });
    }

    [Fact]
    public async Task An_unknown_understanding_or_commitment_is_a_404()
    {
        var before = await app.EventCount();
        var unknown = Guid.CreateVersion7();

        (await app.Post("/api/commitments", GivenCommitments.JusticeForVictims(unknown))).ShouldBeProblem(HttpStatusCode.NotFound)
            .Detail!.ShouldContain(unknown.ToString());
        (await app.Get($"/api/commitments/{unknown}")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await app.Post($"/api/commitments/{unknown}/steps", new ReportImplementationStep("p", "d", Given.Reported(), 1))).ShouldBe(HttpStatusCode.NotFound);
        (await app.Post($"/api/commitments/{unknown}/deadline", new ChangeCommitmentDeadline(null, null, Given.Reported(), 1))).ShouldBe(HttpStatusCode.NotFound);
        (await app.Post($"/api/commitments/{unknown}/reversal", new ReverseCommitment("r", Given.Reported(), 1))).ShouldBe(HttpStatusCode.NotFound);
        (await app.Post($"/api/commitments/{unknown}/reaffirmation", new ReaffirmCommitment(null, Given.Reported(), 1))).ShouldBe(HttpStatusCode.NotFound);
        (await app.Post($"/api/commitments/{unknown}/breaches", new ReportCommitmentBreach("p", "r", Given.Reported(), 1))).ShouldBe(HttpStatusCode.NotFound);

        (await app.EventCount()).ShouldBe(before);
        (await app.StreamOf(unknown)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_stale_or_missing_version_is_refused_and_appends_nothing()
    {
        var (id, step) = await MadeWithStep();

        await StreamIsUnchanged(id, 2, async () =>
        {
            (await app.Post($"/api/commitments/{id}/assessments", new AssessImplementation(2, "Trials", [step], Given.Reported(), 1)))
                .ShouldBeProblem(HttpStatusCode.Conflict).Detail!.ShouldContain("at version 2");
            (await app.Post($"/api/commitments/{id}/reversal", new ReverseCommitment("r", Given.Reported(), 1))).ShouldBeProblem(HttpStatusCode.Conflict);
            (await app.PostRaw($"/api/commitments/{id}/reversal",
                    """{"reason":"r","provenance":{"sources":[{"name":"x","kind":"media"}],"occurred":{"from":"2025-09-15"}}}"""))
                .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("version").ShouldBeTrue();
        });
    }

    [Fact]
    public async Task A_reversed_commitment_refuses_steps_and_full_implementation_until_reaffirmed()
    {
        var (id, step) = await MadeWithStep();
        (await app.Post($"/api/commitments/{id}/reversal", new ReverseCommitment("Pledge withdrawn", Given.Reported(), 2))).ShouldBe(HttpStatusCode.OK);

        await StreamIsUnchanged(id, 3, async () =>
        {
            (await app.Post($"/api/commitments/{id}/steps", new ReportImplementationStep("Syrian government", "Trials held", Given.Reported(), 3)))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity).Detail!.ShouldContain("reaffirm");
            (await app.Post($"/api/commitments/{id}/assessments", new AssessImplementation(3, "Done", [step], Given.Reported(), 3)))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity).Detail!.ShouldContain("reaffirm");
        });

        (await app.Post($"/api/commitments/{id}/assessments", new AssessImplementation(1, "What is left of it", [step], Given.Reported(), 3)))
            .ShouldBe(HttpStatusCode.OK).Body!["assessment"]!["level"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task A_retracted_assessment_falls_back_to_the_one_before()
    {
        var (id, step) = await MadeWithStep();
        await app.Post($"/api/commitments/{id}/assessments", new AssessImplementation(1, "Committee only", [step], Given.Reported(), 2));
        await app.Post($"/api/commitments/{id}/assessments", new AssessImplementation(3, "Misread report", [step], Given.Reported(), 3));
        var wrong = (await app.StreamOf(id))[3].Id;

        (await app.Post($"/api/developments/{wrong}/retraction", new RetractDevelopment("Misread report"))).ShouldBe(HttpStatusCode.OK);

        var body = (await app.Get($"/api/commitments/{id}")).Body!;
        body["assessment"]!["level"]!.GetValue<int>().ShouldBe(1);
        body["assessmentCount"]!.GetValue<int>().ShouldBe(1);
        body["assessedBy"]!.GetValue<Guid>().ShouldBe((await app.StreamOf(id))[2].Id);
        body["version"]!.GetValue<int>().ShouldBe(5);
        // The write model the next command decides on stands the same way.
        (await app.Post($"/api/commitments/{id}/assessments", new AssessImplementation(1, "Committee only", [step], Given.Reported(), 5)))
            .ShouldBe(HttpStatusCode.OK).Body!["version"]!.GetValue<int>().ShouldBe(5);
    }

    [Fact]
    public async Task Making_a_commitment_with_an_id_that_is_taken_is_a_409()
    {
        var id = await Made();
        var roadmap = (await app.Get($"/api/commitments/{id}")).Body!["understandingId"]!.GetValue<Guid>();

        await StreamIsUnchanged(id, 1, async () =>
            (await app.Post("/api/commitments", GivenCommitments.JusticeForVictims(roadmap, id))).ShouldBeProblem(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task A_provision_of_another_category_keeps_its_label_and_only_other_takes_one()
    {
        var understanding = (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created).Id;
        var id = Guid.CreateVersion7();
        var amnesty = GivenCommitments.JusticeForVictims(understanding, id) with { Category = CommitmentCategory.Other, CategoryLabel = "Amnesty" };
        (await app.Post("/api/commitments", amnesty)).ShouldBe(HttpStatusCode.Created);
        (await app.Get($"/api/commitments/{id}")).ShouldBe(HttpStatusCode.OK).Body!["categoryLabel"]!.GetValue<string>().ShouldBe("Amnesty");

        var before = await app.EventCount();
        (await app.Post("/api/commitments", GivenCommitments.JusticeForVictims(understanding) with { CategoryLabel = "Amnesty" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest).Body!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["categoryLabel"]);
        (await app.EventCount()).ShouldBe(before);
    }
}
