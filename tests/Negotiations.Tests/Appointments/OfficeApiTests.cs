using System.Net;
using Negotiations.Appointments;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Appointments;

/// <summary>Offices through HTTP against PostgreSQL. Every rejection leaves the office's stream as it was.</summary>
public class OfficeApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<Guid> Understanding() => (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created).Id;

    private async Task<Guid> Appoint(string jurisdiction)
    {
        var reply = (await app.Post("/api/offices/appointments", GivenOffices.SecurityChief(jurisdiction))).ShouldBe(HttpStatusCode.Created);
        var id = OfficeIds.For("Internal security chief", jurisdiction);
        reply.Message.Headers.Location!.ToString().ShouldBe($"/api/offices/{id}");
        reply.Body!["id"]!.GetValue<Guid>().ShouldBe(id);
        return id;
    }

    private async Task StreamIsUnchanged(Guid id, int expectedEvents, Func<Task> rejected)
    {
        var before = await app.EventCount();
        await rejected();
        (await app.StreamOf(id)).Count.ShouldBe(expectedEvents);
        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task The_first_appointment_starts_the_office_and_it_reads_back_with_its_holder()
    {
        var roadmap = await Understanding();
        var province = GivenOffices.Province();

        var created = (await app.Post("/api/offices/appointments", GivenOffices.SecurityChief(province, understandings: [roadmap])))
            .ShouldBe(HttpStatusCode.Created);
        var id = created.Body!["id"]!.GetValue<Guid>();

        var body = (await app.Get($"/api/offices/{id}")).ShouldBe(HttpStatusCode.OK).Body!;
        body["title"]!.GetValue<string>().ShouldBe("Internal security chief");
        body["jurisdiction"]!.GetValue<string>().ShouldBe(province);
        var holder = body["holders"]!.AsArray().Single()!;
        holder["person"]!.GetValue<string>().ShouldBe("Suleiman Abdel Baqi");
        holder["affiliation"]!.GetValue<string>().ShouldBe("Druze");
        holder["appointedBy"]!.GetValue<string>().ShouldBe("Syrian government");
        holder["singleHolder"]!.GetValue<bool>().ShouldBeTrue();
        holder["from"]!["from"]!.GetValue<string>().ShouldBe("2025-09-15");
        holder["understandingIds"]!.AsArray().Single()!.GetValue<Guid>().ShouldBe(roadmap);
        body["formerHolders"]!.AsArray().ShouldBeEmpty();
        body["version"]!.GetValue<int>().ShouldBe(1);
        (await app.StreamOf(id)).Single().Data.ShouldBeOfType<OfficialAppointed>();
    }

    [Fact]
    public async Task The_office_id_is_computable_by_clients()
    {
        var body = (await app.Get("/api/offices/id?office=Internal%20security%20chief&jurisdiction=Sweida%20province")).ShouldBe(HttpStatusCode.OK).Body!;

        body["officeId"]!.GetValue<Guid>().ShouldBe(Guid.Parse("4e9a58cf-7b89-5772-897f-beb05fb77457"));
        body["name"]!.GetValue<string>().ShouldBe("internal security chief|sweida province");
        body["namespace"]!.GetValue<Guid>().ShouldBe(OfficeIds.Namespace);
        (await app.Get("/api/offices/id?office=a|b")).ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key)
            .ShouldBe(["office", "jurisdiction"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_second_holder_of_a_single_holder_office_is_a_422_naming_the_current_holder()
    {
        var province = GivenOffices.Province();
        var id = await Appoint(province);

        await StreamIsUnchanged(id, 1, async () =>
            (await app.Post("/api/offices/appointments", GivenOffices.SecurityChief(province, "Someone Else", version: 1)))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity).Detail!.ShouldContain("held by Suleiman Abdel Baqi"));
    }

    [Fact]
    public async Task After_a_dismissal_or_resignation_the_next_holder_is_appointed_and_the_history_has_from_and_to()
    {
        var province = GivenOffices.Province();
        var id = await Appoint(province);

        (await app.Post($"/api/offices/{id}/dismissals", GivenOffices.Dismiss("Suleiman Abdel Baqi", 1))).ShouldBe(HttpStatusCode.OK)
            .Body!["holders"]!.AsArray().ShouldBeEmpty();
        (await app.Post("/api/offices/appointments", GivenOffices.SecurityChief(province, "Second Chief", version: 2, on: new DateOnly(2025, 12, 2))))
            .ShouldBe(HttpStatusCode.OK).Body!["version"]!.GetValue<int>().ShouldBe(3);
        (await app.Post($"/api/offices/{id}/resignations", GivenOffices.Resign("Second Chief", 3, new DateOnly(2026, 1, 10)))).ShouldBe(HttpStatusCode.OK);

        var body = (await app.Get($"/api/offices/{id}")).Body!;
        body["holders"]!.AsArray().ShouldBeEmpty();
        var former = body["formerHolders"]!.AsArray();
        former.Select(t => $"{t!["person"]} {t["from"]!["from"]} {t["to"]!["from"]} {t["left"]!["kind"]}").ShouldBe(
            ["Suleiman Abdel Baqi 2025-09-15 2025-12-01 dismissed", "Second Chief 2025-12-02 2026-01-10 resigned"]);
        (await app.StreamOf(id)).Select(e => e.Data.GetType()).ShouldBe(
            [typeof(OfficialAppointed), typeof(OfficialDismissed), typeof(OfficialAppointed), typeof(OfficialResigned)]);
    }

    [Fact]
    public async Task Two_first_appointments_to_the_same_office_at_once_give_one_holder_and_one_409()
    {
        var province = GivenOffices.Province();

        var replies = await Task.WhenAll(
            app.Post("/api/offices/appointments", GivenOffices.SecurityChief(province, "First Claimant")),
            app.Post("/api/offices/appointments", GivenOffices.SecurityChief(province, "Second Claimant")));

        replies.Select(r => r.Status).ShouldBe([HttpStatusCode.Created, HttpStatusCode.Conflict], ignoreOrder: true);
        (await app.StreamOf(OfficeIds.For("Internal security chief", province))).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Two_appointments_to_a_vacant_office_at_the_same_version_give_one_holder_and_one_409()
    {
        var province = GivenOffices.Province();
        var id = await Appoint(province);
        await app.Post($"/api/offices/{id}/resignations", GivenOffices.Resign("Suleiman Abdel Baqi", 1));

        var replies = await Task.WhenAll(
            app.Post("/api/offices/appointments", GivenOffices.SecurityChief(province, "First Claimant", version: 2, on: new DateOnly(2025, 12, 5))),
            app.Post("/api/offices/appointments", GivenOffices.SecurityChief(province, "Second Claimant", version: 2, on: new DateOnly(2025, 12, 5))));

        replies.Select(r => r.Status).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict], ignoreOrder: true, string.Join(" ", replies.Select(r => r.Body?.ToJsonString())));
        (await app.StreamOf(id)).Count.ShouldBe(3);
        (await app.Get($"/api/offices/{id}")).Body!["holders"]!.AsArray().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Resending_a_satisfied_command_appends_nothing()
    {
        var province = GivenOffices.Province();
        var id = await Appoint(province);
        await StreamIsUnchanged(id, 1, async () =>
            (await app.Post("/api/offices/appointments", GivenOffices.SecurityChief(province, version: 1))).ShouldBe(HttpStatusCode.OK));

        (await app.Post($"/api/offices/{id}/resignations", GivenOffices.Resign("Suleiman Abdel Baqi", 1))).ShouldBe(HttpStatusCode.OK);
        await StreamIsUnchanged(id, 2, async () =>
            (await app.Post($"/api/offices/{id}/resignations", GivenOffices.Resign("Suleiman Abdel Baqi", 2))).ShouldBe(HttpStatusCode.OK));
    }

    [Fact]
    public async Task Stale_or_missing_versions_are_a_409_and_append_nothing()
    {
        var province = GivenOffices.Province();
        var id = await Appoint(province);
        await app.Post($"/api/offices/{id}/dismissals", GivenOffices.Dismiss("Suleiman Abdel Baqi", 1));

        await StreamIsUnchanged(id, 2, async () =>
        {
            // The office exists: an appointment without the version read is a conflict, as is a stale one.
            (await app.Post("/api/offices/appointments", GivenOffices.SecurityChief(province, "Second Chief")))
                .ShouldBeProblem(HttpStatusCode.Conflict).Detail!.ShouldContain("version 2");
            (await app.Post("/api/offices/appointments", GivenOffices.SecurityChief(province, "Second Chief", version: 1)))
                .ShouldBeProblem(HttpStatusCode.Conflict);
            (await app.Post($"/api/offices/{id}/resignations", GivenOffices.Resign("Suleiman Abdel Baqi", 1))).ShouldBeProblem(HttpStatusCode.Conflict);
            (await app.PostRaw($"/api/offices/{id}/dismissals",
                    """{"person":"x","dismissedBy":"y","provenance":{"sources":[{"name":"x","kind":"media"}],"occurred":{"from":"2025-09-15"}}}"""))
                .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("version").ShouldBeTrue();
        });

        // A version for an office nobody was appointed to yet is a conflict too.
        var other = GivenOffices.Province();
        (await app.Post("/api/offices/appointments", GivenOffices.SecurityChief(other, version: 1))).ShouldBeProblem(HttpStatusCode.Conflict);
        (await app.StreamOf(OfficeIds.For("Internal security chief", other))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Leaving_an_office_one_does_not_hold_is_a_422()
    {
        var id = await Appoint(GivenOffices.Province());

        await StreamIsUnchanged(id, 1, async () =>
        {
            (await app.Post($"/api/offices/{id}/dismissals", GivenOffices.Dismiss("Someone Else", 1)))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity).Detail!.ShouldContain("current holder: Suleiman Abdel Baqi");
            (await app.Post($"/api/offices/{id}/resignations", GivenOffices.Resign("Someone Else", 1))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        });
    }

    [Fact]
    public async Task Unknown_offices_and_linked_understandings_are_a_404()
    {
        var unknown = Guid.CreateVersion7();
        var province = GivenOffices.Province();
        var before = await app.EventCount();

        (await app.Get($"/api/offices/{unknown}")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await app.Post($"/api/offices/{unknown}/dismissals", GivenOffices.Dismiss("x", 1))).ShouldBe(HttpStatusCode.NotFound);
        (await app.Post($"/api/offices/{unknown}/resignations", GivenOffices.Resign("x", 1))).ShouldBe(HttpStatusCode.NotFound);
        (await app.Post("/api/offices/appointments", GivenOffices.SecurityChief(province, understandings: [unknown])))
            .ShouldBeProblem(HttpStatusCode.NotFound).Detail!.ShouldContain(unknown.ToString());

        (await app.EventCount()).ShouldBe(before);
        (await app.StreamOf(OfficeIds.For("Internal security chief", province))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Invalid_input_is_a_400_naming_each_field()
    {
        var before = await app.EventCount();

        (await app.Post("/api/offices/appointments", GivenOffices.SecurityChief("a|b") with { Person = " ", AppointedBy = "" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["person", "jurisdiction", "appointedBy"], ignoreOrder: true);
        (await app.PostRaw("/api/offices/appointments",
                """{"person":"p","office":"o","jurisdiction":"j","appointedBy":"a","singleHolder":"yes","provenance":{"sources":[{"name":"x","kind":"media"}],"occurred":{"from":"2025-09-15"}}}"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest);

        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Single_holder_is_the_default_when_the_client_leaves_it_out()
    {
        var province = GivenOffices.Province();
        (await app.PostRaw("/api/offices/appointments",
                """{"person":"P","office":"Governor","jurisdiction":"PROVINCE","appointedBy":"a","provenance":{"sources":[{"name":"x","kind":"media"}],"occurred":{"from":"2025-09-15"}}}""".Replace("PROVINCE", province)))
            .ShouldBe(HttpStatusCode.Created).Body!["holders"]![0]!["singleHolder"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task A_retracted_dismissal_puts_the_holder_back_in_office()
    {
        var id = await Appoint(GivenOffices.Province());
        await app.Post($"/api/offices/{id}/dismissals", GivenOffices.Dismiss("Suleiman Abdel Baqi", 1));
        var dismissal = (await app.StreamOf(id))[1].Id;

        (await app.Post($"/api/developments/{dismissal}/retraction", new { reason = "rumour" })).ShouldBe(HttpStatusCode.OK);

        var body = (await app.Get($"/api/offices/{id}")).Body!;
        body["holders"]!.AsArray().Single()!["person"]!.GetValue<string>().ShouldBe("Suleiman Abdel Baqi");
        body["version"]!.GetValue<int>().ShouldBe(3);
    }
}
