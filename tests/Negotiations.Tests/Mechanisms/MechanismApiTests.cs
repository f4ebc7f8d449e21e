using System.Net;
using Negotiations.Mechanisms;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Mechanisms;

/// <summary>Oversight mechanisms through HTTP against PostgreSQL. Every rejection leaves the stream as it was.</summary>
public class MechanismApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<Guid> Understanding() => (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created).Id;

    private async Task<Guid> Establish()
    {
        var reply = (await app.Post("/api/mechanisms", GivenMechanisms.Trilateral(await Understanding(), await Understanding()))).ShouldBe(HttpStatusCode.Created);
        reply.Message.Headers.Location!.ToString().ShouldBe($"/api/mechanisms/{reply.Id}");
        return reply.Id;
    }

    private async Task StreamIsUnchanged(Guid id, int expectedEvents, Func<Task> rejected)
    {
        var before = await app.EventCount();
        await rejected();
        (await app.StreamOf(id)).Count.ShouldBe(expectedEvents);
        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task An_established_mechanism_can_be_read_back_with_members_mandate_and_what_it_oversees()
    {
        Guid roadmap = await Understanding(), under = await Understanding(), id = Guid.CreateVersion7();

        (await app.Post("/api/mechanisms", GivenMechanisms.Trilateral(roadmap, under, id))).ShouldBe(HttpStatusCode.Created).Id.ShouldBe(id);

        var body = (await app.Get($"/api/mechanisms/{id}")).ShouldBe(HttpStatusCode.OK).Body!;
        body["name"]!.GetValue<string>().ShouldBe("Trilateral mechanism for the Sweida roadmap");
        body["members"]!.AsArray().Select(m => $"{m!["name"]}:{m["role"]}").ShouldBe(["Syria:member", "Jordan:backer", "United States:backer"]);
        body["overseenUnderstandingIds"]!.AsArray().Single()!.GetValue<Guid>().ShouldBe(roadmap);
        body["establishedUnder"]!.GetValue<Guid>().ShouldBe(under);
        body["mandate"]!.GetValue<string>().ShouldContain("Sweida");
        body["version"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task A_read_streams_the_stored_details_with_an_etag_and_answers_304_while_nothing_changed()
    {
        var id = await Establish();
        var first = (await app.Get($"/api/mechanisms/{id}")).ShouldBe(HttpStatusCode.OK);
        var etag = first.Message.Headers.ETag!.Tag;
        first.Body!["version"]!.GetValue<int>().ShouldBe(1);

        (await app.Send(HttpMethod.Get, $"/api/mechanisms/{id}", null, new Dictionary<string, string> { ["If-None-Match"] = etag }))
            .Status.ShouldBe(HttpStatusCode.NotModified);
        (await app.Post($"/api/mechanisms/{id}/meetings", GivenMechanisms.Meeting(1))).ShouldBe(HttpStatusCode.OK);
        var changed = (await app.Send(HttpMethod.Get, $"/api/mechanisms/{id}", null, new Dictionary<string, string> { ["If-None-Match"] = etag }))
            .ShouldBe(HttpStatusCode.OK);
        changed.Message.Headers.ETag!.Tag.ShouldNotBe(etag);
        changed.Body!["meetingCount"]!.GetValue<int>().ShouldBe(1);

        var unknown = (await app.Get($"/api/mechanisms/{Guid.CreateVersion7()}")).ShouldBeProblem(HttpStatusCode.NotFound);
        unknown.Body!["title"]!.GetValue<string>().ShouldBe("Unknown mechanism");
    }

    [Fact]
    public async Task Members_meetings_and_reports_are_appended_and_returned_with_the_new_version()
    {
        var id = await Establish();

        (await app.Post($"/api/mechanisms/{id}/members", GivenMechanisms.Add("Egypt", MemberRole.Observer, 1))).ShouldBe(HttpStatusCode.OK)
            .Body!["version"]!.GetValue<int>().ShouldBe(2);
        (await app.Post($"/api/mechanisms/{id}/departures", GivenMechanisms.Left("Jordan", 2))).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/mechanisms/{id}/meetings", GivenMechanisms.Meeting(3))).ShouldBe(HttpStatusCode.OK);
        var body = (await app.Post($"/api/mechanisms/{id}/reports", GivenMechanisms.Report(4))).ShouldBe(HttpStatusCode.OK).Body!;

        body["members"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()).ShouldBe(["Syria", "United States", "Egypt"]);
        body["formerMembers"]!.AsArray().Single()!.GetValue<string>().ShouldBe("Jordan");
        body["version"]!.GetValue<int>().ShouldBe(5);
        var details = (await app.Get($"/api/mechanisms/{id}")).ShouldBe(HttpStatusCode.OK).Body!;
        details["members"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()).ShouldBe(["Syria", "United States", "Egypt"]);
        details["formerMembers"]!.AsArray().Single()!.GetValue<string>().ShouldBe("Jordan");
        details["meetingCount"]!.GetValue<int>().ShouldBe(1);
        details["latestMeetings"]!.AsArray().Single()!["on"]!["from"]!.GetValue<string>().ShouldBe("2025-10-01");
        details["latestReports"]!.AsArray().Single()!["title"]!.GetValue<string>().ShouldBe("First progress report");
        details["version"]!.GetValue<int>().ShouldBe(5);
        (await app.StreamOf(id)).Select(e => e.Data.GetType()).ShouldBe([typeof(MechanismEstablished), typeof(MechanismMemberAdded),
            typeof(MechanismMemberLeft), typeof(MechanismMeetingHeld), typeof(MechanismReportPublished)]);
    }

    [Fact]
    public async Task Resending_a_satisfied_command_appends_nothing()
    {
        var id = await Establish();
        await app.Post($"/api/mechanisms/{id}/departures", GivenMechanisms.Left("Jordan", 1));

        await StreamIsUnchanged(id, 2, async () =>
        {
            (await app.Post($"/api/mechanisms/{id}/members", GivenMechanisms.Add("Syria", MemberRole.Member, 2))).ShouldBe(HttpStatusCode.OK);
            (await app.Post($"/api/mechanisms/{id}/departures", GivenMechanisms.Left("jordan", 2))).ShouldBe(HttpStatusCode.OK);
        });
    }

    [Fact]
    public async Task A_member_that_is_not_on_the_mechanism_cannot_leave()
    {
        var id = await Establish();

        await StreamIsUnchanged(id, 1, async () =>
            (await app.Post($"/api/mechanisms/{id}/departures", GivenMechanisms.Left("Egypt", 1)))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity).Detail!.ShouldContain("Egypt is not a member"));
    }

    [Fact]
    public async Task A_stale_or_missing_version_is_a_409_or_400_and_appends_nothing()
    {
        var id = await Establish();
        await app.Post($"/api/mechanisms/{id}/members", GivenMechanisms.Add("Egypt", MemberRole.Observer, 1));

        await StreamIsUnchanged(id, 2, async () =>
        {
            (await app.Post($"/api/mechanisms/{id}/meetings", GivenMechanisms.Meeting(1)))
                .ShouldBeProblem(HttpStatusCode.Conflict).Detail!.ShouldContain("at version 2");
            (await app.PostRaw($"/api/mechanisms/{id}/reports",
                    """{"title":"t","summary":"s","provenance":{"sources":[{"name":"x","kind":"media"}],"occurred":{"from":"2025-09-15"}}}"""))
                .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("version").ShouldBeTrue();
        });
    }

    [Fact]
    public async Task Unknown_linked_understandings_are_a_404_and_start_no_stream()
    {
        Guid roadmap = await Understanding(), unknown = Guid.CreateVersion7(), id = Guid.CreateVersion7();
        var before = await app.EventCount();

        (await app.Post("/api/mechanisms", GivenMechanisms.Trilateral(unknown, id: id)))
            .ShouldBeProblem(HttpStatusCode.NotFound).Detail!.ShouldContain(unknown.ToString());
        (await app.Post("/api/mechanisms", GivenMechanisms.Trilateral(roadmap, establishedUnder: unknown, id: id)))
            .ShouldBeProblem(HttpStatusCode.NotFound).Detail!.ShouldContain(unknown.ToString());

        (await app.EventCount()).ShouldBe(before);
        (await app.StreamOf(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_mechanism_is_a_404_for_reads_and_commands()
    {
        var unknown = Guid.CreateVersion7();
        var before = await app.EventCount();

        (await app.Get($"/api/mechanisms/{unknown}")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await app.Post($"/api/mechanisms/{unknown}/members", GivenMechanisms.Add("Egypt", MemberRole.Observer, 1))).ShouldBe(HttpStatusCode.NotFound);
        (await app.Post($"/api/mechanisms/{unknown}/departures", GivenMechanisms.Left("Jordan", 1))).ShouldBe(HttpStatusCode.NotFound);
        (await app.Post($"/api/mechanisms/{unknown}/meetings", GivenMechanisms.Meeting(1))).ShouldBe(HttpStatusCode.NotFound);
        (await app.Post($"/api/mechanisms/{unknown}/reports", GivenMechanisms.Report(1))).ShouldBe(HttpStatusCode.NotFound);

        (await app.EventCount()).ShouldBe(before);
        (await app.StreamOf(unknown)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Invalid_input_is_a_400_naming_each_field()
    {
        var id = await Establish();
        var before = await app.EventCount();

        (await app.Post("/api/mechanisms", GivenMechanisms.Trilateral(Guid.CreateVersion7()) with { Name = "", Members = [], OverseenUnderstandingIds = [] }))
            .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["name", "members", "overseenUnderstandingIds"], ignoreOrder: true);
        (await app.Post($"/api/mechanisms/{id}/members", GivenMechanisms.Add(" ", MemberRole.Member, 1)))
            .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("member.name").ShouldBeTrue();
        (await app.Post($"/api/mechanisms/{id}/meetings", GivenMechanisms.Meeting(1) with { Attendees = [] }))
            .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("attendees").ShouldBeTrue();
        (await app.PostRaw($"/api/mechanisms/{id}/members",
                """{"member":{"name":"Egypt","role":"overlord"},"provenance":{"sources":[{"name":"x","kind":"media"}],"occurred":{"from":"2025-09-15"}},"version":1}"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest);

        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Establishing_with_an_id_that_is_taken_is_a_409()
    {
        var id = await Establish();
        var roadmap = await Understanding();

        await StreamIsUnchanged(id, 1, async () =>
            (await app.Post("/api/mechanisms", GivenMechanisms.Trilateral(roadmap, id: id))).ShouldBeProblem(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task A_retracted_member_addition_is_no_longer_counted()
    {
        var id = await Establish();
        await app.Post($"/api/mechanisms/{id}/members", GivenMechanisms.Add("Egypt", MemberRole.Observer, 1));
        var added = (await app.StreamOf(id))[1].Id;

        (await app.Post($"/api/developments/{added}/retraction", new { reason = "misreported" })).ShouldBe(HttpStatusCode.OK);

        var body = (await app.Get($"/api/mechanisms/{id}")).Body!;
        body["members"]!.AsArray().Count.ShouldBe(3);
        body["version"]!.GetValue<int>().ShouldBe(3);
    }
}
