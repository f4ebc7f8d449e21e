using System.Net;
using System.Text.Json.Nodes;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Negotiations.Casualties;
using Negotiations.Commitments;
using Negotiations.Corrections;
using Negotiations.Rounds;
using Negotiations.Kernel;
using Negotiations.Tests.Appointments;
using Negotiations.Tests.Support;
using Negotiations.Understandings;

namespace Negotiations.Tests.Queries;

/// <summary>The read endpoints over developments logged through the API, on a stopped clock (1 March 2026).</summary>
public class QueryApiTests(ClockedFixture app) : IClassFixture<ClockedFixture>
{
    private static readonly Occurrence July = new(new DateOnly(2025, 7, 1), DatePrecision.Month);
    private static readonly Occurrence August = new(new DateOnly(2025, 8, 1), DatePrecision.Month);

    private async Task<JsonNode> Read(string path) => (await app.Get(path)).ShouldBe(HttpStatusCode.OK).Body!;

    private static string Unique(string what) => $"{what} {Guid.NewGuid():N}";

    // ----- offices -----

    [Fact]
    public async Task A_dismissed_chief_is_listed_as_the_former_holder_of_his_office()
    {
        var province = GivenOffices.Province();
        var roadmap = await app.Roadmap();
        var officeId = (await app.Post("/api/offices/appointments", GivenOffices.SecurityChief(province, "Ahmad Dalati", understandings: [roadmap],
            on: new DateOnly(2025, 7, 20)))).ShouldBe(HttpStatusCode.Created).Body!["id"]!.GetValue<Guid>();
        (await app.Post($"/api/offices/{officeId}/dismissals", GivenOffices.Dismiss("Ahmad Dalati", 1, new DateOnly(2025, 9, 14)))).ShouldBe(HttpStatusCode.OK);

        (await Read($"/api/understandings/{roadmap}/links"))["offices"]![0]!["state"]!.GetValue<string>()
            .ShouldBe("vacant since 2025-09-14 (Ahmad Dalati dismissed)");

        (await app.Post("/api/offices/appointments", GivenOffices.SecurityChief(province, "Suleiman Abdel Baqi", version: 2, understandings: [roadmap])))
            .ShouldBe(HttpStatusCode.OK);

        var page = await Read($"/api/offices?jurisdiction={Uri.EscapeDataString(province)}");
        page["total"]!.GetValue<int>().ShouldBe(1);
        var office = page["items"]![0]!;
        office["officeId"]!.GetValue<Guid>().ShouldBe(officeId);
        office["version"]!.GetValue<int>().ShouldBe(3);
        office["holders"]!.AsArray().Single()!["person"]!.GetValue<string>().ShouldBe("Suleiman Abdel Baqi");
        var former = office["formerHolders"]!.AsArray().Single()!;
        former["person"]!.GetValue<string>().ShouldBe("Ahmad Dalati");
        former["from"]!["from"]!.GetValue<string>().ShouldBe("2025-07-20");
        former["left"]!["kind"]!.GetValue<string>().ShouldBe("dismissed");
        former["left"]!["on"]!["from"]!.GetValue<string>().ShouldBe("2025-09-14");
        former["to"]!["from"]!.GetValue<string>().ShouldBe("2025-09-14");

        // The person filter finds the office of a former holder too.
        (await Read($"/api/offices?person=dalati&jurisdiction={Uri.EscapeDataString(province)}"))["total"]!.GetValue<int>().ShouldBe(1);
        (await Read($"/api/understandings/{roadmap}/links"))["offices"]![0]!["state"]!.GetValue<string>()
            .ShouldBe("held by Suleiman Abdel Baqi since 2025-09-15");
    }

    [Fact]
    public async Task An_office_whose_only_appointment_was_retracted_is_not_listed()
    {
        var province = GivenOffices.Province();
        var roadmap = await app.Roadmap();
        var officeId = (await app.Post("/api/offices/appointments", GivenOffices.SecurityChief(province, understandings: [roadmap])))
            .ShouldBe(HttpStatusCode.Created).Body!["id"]!.GetValue<Guid>();
        var appointment = (await app.StreamOf(officeId))[0].Id;

        (await app.Post($"/api/developments/{appointment}/retraction", new RetractDevelopment("Wrong province"))).ShouldBe(HttpStatusCode.OK);

        (await Read($"/api/offices?jurisdiction={Uri.EscapeDataString(province)}"))["total"]!.GetValue<int>().ShouldBe(0);
        (await Read($"/api/understandings/{roadmap}/links"))["offices"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Offices_come_in_pages_ordered_by_jurisdiction()
    {
        var prefix = Unique("Region");
        foreach (var suffix in new[] { "c", "a", "b" })
            (await app.Post("/api/offices/appointments", GivenOffices.SecurityChief($"{prefix} {suffix}"))).ShouldBe(HttpStatusCode.Created);

        var first = await Read($"/api/offices?jurisdiction={Uri.EscapeDataString(prefix)}&pageSize=2");
        first["items"]!.AsArray().Select(o => o!["jurisdiction"]!.GetValue<string>()).ShouldBe([$"{prefix} a", $"{prefix} b"]);
        first["total"]!.GetValue<int>().ShouldBe(3);
        first["pages"]!.GetValue<int>().ShouldBe(2);
        var second = await Read($"/api/offices?jurisdiction={Uri.EscapeDataString(prefix)}&pageSize=2&page=2");
        second["items"]!.AsArray().Select(o => o!["jurisdiction"]!.GetValue<string>()).ShouldBe([$"{prefix} c"]);
        (await Read($"/api/offices?jurisdiction={Uri.EscapeDataString(prefix)}&pageSize=2&page=3"))["items"]!.AsArray().ShouldBeEmpty();
    }

    // ----- casualty claims -----

    [Fact]
    public async Task Two_sources_on_the_same_incident_stand_side_by_side_with_their_revisions_and_disputes()
    {
        var place = Unique("Sweida city");
        var observatory = await app.Claim("Syrian Observatory for Human Rights", place, July, new CasualtyFigures(1000, 1000, null));
        (await app.Post($"/api/casualty-claims/{observatory}/revisions", new ReviseCasualtyClaim("Syrian Observatory for Human Rights",
            new CasualtyFigures(2000, 2000, null), null, "More bodies identified", Given.Reported(new DateOnly(2025, 9, 15), "Syrian Observatory for Human Rights", SourceKind.Ngo), 1)))
            .ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/casualty-claims/{observatory}/disputes", new DisputeCasualtyClaim("Syrian Ministry of Interior", "Inflated by counting fighters",
            Given.Reported(), 2))).ShouldBe(HttpStatusCode.OK);
        var network = await app.Claim("Syrian Network for Human Rights", place, July, new CasualtyFigures(1400, 1500, 1700));
        var later = await app.Claim("Syrian Network for Human Rights", place, August, new CasualtyFigures(null, 40, null));
        var retracted = await app.Claim("Rumour mill", place, July, new CasualtyFigures(null, 9000, null));
        (await app.Post($"/api/developments/{(await app.StreamOf(retracted))[0].Id}/retraction", new RetractDevelopment("Not a source"))).ShouldBe(HttpStatusCode.OK);

        var page = await Read($"/api/casualty-claims?place={Uri.EscapeDataString(place)}");

        page["total"]!.GetValue<int>().ShouldBe(2);
        var groups = page["items"]!.AsArray();
        // The latest period first; a period of its own is a group of its own, never added to July's.
        groups[0]!["period"]!["from"]!.GetValue<string>().ShouldBe("2025-08-01");
        groups[0]!["claims"]!.AsArray().Single()!["claimId"]!.GetValue<Guid>().ShouldBe(later);
        var july = groups[1]!.AsObject();
        july.Select(p => p.Key).ShouldBe(["incident", "place", "period", "claims"], "side by side: no total, no merged figure");
        var claims = july["claims"]!.AsArray();
        claims.Select(c => c!["claimId"]!.GetValue<Guid>()).ShouldBe([network, observatory]);

        var sohr = claims[1]!;
        sohr["latest"]!["figures"]!["best"]!.GetValue<int>().ShouldBe(2000);
        sohr["latest"]!["note"]!.GetValue<string>().ShouldBe("More bodies identified");
        sohr["published"]!["figures"]!["best"]!.GetValue<int>().ShouldBe(1000);
        sohr["revisions"]!.AsArray().Select(r => r!["figures"]!["best"]!.GetValue<int>()).ShouldBe([2000]);
        sohr["revisions"]![0]!["eventId"]!.GetValue<Guid>().ShouldBe((await app.StreamOf(observatory))[1].Id);
        sohr["revisionCount"]!.GetValue<int>().ShouldBe(1);
        sohr["disputed"]!.GetValue<bool>().ShouldBeTrue();
        sohr["disputes"]![0]!["disputedBy"]!.GetValue<string>().ShouldBe("Syrian Ministry of Interior");
        sohr["version"]!.GetValue<int>().ShouldBe(3);
        var snhr = claims[0]!;
        snhr["latest"]!["figures"]!["low"]!.GetValue<int>().ShouldBe(1400);
        snhr["latest"]!["figures"]!["high"]!.GetValue<int>().ShouldBe(1700);
        snhr["disputed"]!.GetValue<bool>().ShouldBeFalse();

        var observatoryOnly = await Read($"/api/casualty-claims?place={Uri.EscapeDataString(place)}&source=OBSERVATORY");
        observatoryOnly["items"]!.AsArray().Single()!["claims"]!.AsArray().Single()!["claimId"]!.GetValue<Guid>().ShouldBe(observatory);
    }

    [Fact]
    public async Task Claims_are_filtered_by_the_understanding_they_concern()
    {
        var roadmap = await app.Roadmap();
        var place = Unique("Shahba");
        var linked = (await app.Post("/api/casualty-claims", Negotiations.Tests.Casualties.GivenCasualties.SweidaToll([roadmap]) with { Place = place }))
            .ShouldBe(HttpStatusCode.Created).Id;
        await app.Claim("Syrian Network for Human Rights", place, July, new CasualtyFigures(null, 10, null));

        var page = await Read($"/api/casualty-claims?understandingId={roadmap}");

        page["items"]!.AsArray().Single()!["claims"]!.AsArray().Single()!["claimId"]!.GetValue<Guid>().ShouldBe(linked);
        (await Read($"/api/understandings/{roadmap}/links"))["casualtyClaims"]![0]!["state"]!.GetValue<string>().ShouldBe("2,000 (low 2,000)");
    }

    // ----- links -----

    [Fact]
    public async Task A_retracted_round_drops_out_of_the_links_and_a_cancelled_one_says_why()
    {
        var understanding = (await app.Post("/api/understandings", Given.DemilitarisedZone())).Id;
        var baku = (await app.Post("/api/rounds", new ScheduleRound(Occurrence.On(new DateOnly(2025, 9, 18)), ["Syria", "Israel"], Given.Reported(),
            Venue: "Baku", UnderstandingIds: [understanding]))).ShouldBe(HttpStatusCode.Created).Id;
        var paris = (await app.Post("/api/rounds", new ScheduleRound(Occurrence.On(new DateOnly(2025, 9, 25)), ["Syria", "Israel"], Given.Reported(),
            Venue: "Paris", Mediator: "United States", UnderstandingIds: [understanding]))).ShouldBe(HttpStatusCode.Created).Id;
        (await app.Post($"/api/developments/{(await app.StreamOf(baku))[0].Id}/retraction", new RetractDevelopment("Never announced"))).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/rounds/{paris}/cancellation", new CancelRound("Israeli strikes on Damascus", Given.Reported(), 1))).ShouldBe(HttpStatusCode.OK);

        var round = (await Read($"/api/understandings/{understanding}/links"))["rounds"]!.AsArray().Single()!;

        round["id"]!.GetValue<Guid>().ShouldBe(paris);
        round["name"]!.GetValue<string>().ShouldBe("Syria, Israel talks in Paris, mediated by United States");
        round["state"]!.GetValue<string>().ShouldBe("cancelled (Israeli strikes on Damascus)");
        round["version"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task The_links_of_an_unknown_understanding_are_404()
    {
        var unknown = Guid.CreateVersion7();
        (await app.Get($"/api/understandings/{unknown}/links")).ShouldBeProblem(HttpStatusCode.NotFound).Detail!.ShouldContain(unknown.ToString());
    }

    // ----- overview -----

    [Fact]
    public async Task Commitments_past_their_deadline_are_overdue_until_fully_implemented_or_reversed()
    {
        var roadmap = await app.Roadmap();
        var pending = await app.Commitment(roadmap, "Form an investigative committee", new DateOnly(2025, 12, 31));
        var partly = await app.Commitment(roadmap, "Pay compensation to families", new DateOnly(2026, 1, 31));
        await app.Assessed(partly, 2, new DateOnly(2026, 2, 10), 1);
        var done = await app.Commitment(roadmap, "Reopen the Damascus-Sweida road", new DateOnly(2025, 12, 31));
        await app.Assessed(done, 3, new DateOnly(2026, 2, 1), 1);
        var reversed = await app.Commitment(roadmap, "Withdraw tribal fighters", new DateOnly(2025, 11, 30));
        (await app.Post($"/api/commitments/{reversed}/reversal", new ReverseCommitment("Pledge withdrawn", Given.Reported(new DateOnly(2026, 1, 10)), 1)))
            .ShouldBe(HttpStatusCode.OK);
        await app.Commitment(roadmap, "Hold local elections", new DateOnly(2026, 6, 30));
        await app.Commitment(roadmap, "Reconciliation conference", null);

        // Today, by the server's clock: 1 March 2026.
        var today = await Read("/api/overview");
        today["asOf"]!.GetValue<string>().ShouldBe("2026-03-01");
        var overdue = Overdue(today, roadmap);
        overdue.Select(o => o["commitmentId"]!.GetValue<Guid>()).ShouldBe([pending, partly]);
        overdue[0]["understandingTitle"]!.GetValue<string>().ShouldBe("Sweida stabilisation roadmap");
        overdue[0]["text"]!.GetValue<string>().ShouldBe("Form an investigative committee");
        overdue[0]["deadline"]!.GetValue<string>().ShouldBe("2025-12-31");
        overdue[0]["daysOverdue"]!.GetValue<int>().ShouldBe(60);
        overdue[0]["level"].ShouldBeNull();
        overdue[1]["daysOverdue"]!.GetValue<int>().ShouldBe(29);
        overdue[1]["level"]!.GetValue<int>().ShouldBe(2);
        overdue[1]["meaning"]!.GetValue<string>().ShouldBe("intermediate");

        // On 15 January the road was not yet fully reopened, and the withdrawal pledge had already been taken back.
        Overdue(await Read("/api/overview?asOf=2026-01-15"), roadmap).Select(o => (o["commitmentId"]!.GetValue<Guid>(), o["daysOverdue"]!.GetValue<int>()))
            .ShouldBe([(pending, 15), (done, 15)], ignoreOrder: true);
        // On 1 December only the withdrawal was late, by a day: it was reversed only in January.
        Overdue(await Read("/api/overview?asOf=2025-12-01"), roadmap).Select(o => (o["commitmentId"]!.GetValue<Guid>(), o["daysOverdue"]!.GetValue<int>()))
            .ShouldBe([(reversed, 1)]);
    }

    [Fact]
    public async Task The_overview_lists_the_most_overdue_commitments_first_up_to_the_limit_and_says_more_are_overdue()
    {
        // Deadlines in 1990: earlier than any other test's, so these are the most overdue of the store.
        var roadmap = await app.Roadmap();
        var beta = await app.Commitment(roadmap, "Beta: exchange maps", new DateOnly(1990, 1, 1));
        var alpha = await app.Commitment(roadmap, "Alpha: open the crossings", new DateOnly(1990, 1, 1));
        var gamma = await app.Commitment(roadmap, "Gamma: release detainees", new DateOnly(1990, 1, 2));

        var one = await Read("/api/overview?asOf=2026-03-01&overdueLimit=1");
        one["overdueCommitments"]!.AsArray().Select(o => o!["commitmentId"]!.GetValue<Guid>()).ShouldBe([alpha]);
        one["moreOverdue"]!.GetValue<bool>().ShouldBeTrue();

        var two = await Read("/api/overview?asOf=2026-03-01&overdueLimit=2");
        two["overdueCommitments"]!.AsArray().Select(o => o!["commitmentId"]!.GetValue<Guid>()).ShouldBe([alpha, beta]);
        two["moreOverdue"]!.GetValue<bool>().ShouldBeTrue();

        var all = await Read("/api/overview?asOf=2026-03-01&overdueLimit=1000");
        all["overdueCommitments"]!.AsArray().Select(o => o!["commitmentId"]!.GetValue<Guid>()).Take(3).ShouldBe([alpha, beta, gamma]);
        all["moreOverdue"]!.GetValue<bool>().ShouldBeFalse();

        // On 2 January 1990 only the two due on the 1st were late.
        var early = await Read("/api/overview?asOf=1990-01-02&overdueLimit=2");
        early["overdueCommitments"]!.AsArray().Select(o => o!["commitmentId"]!.GetValue<Guid>()).ShouldBe([alpha, beta]);
        early["moreOverdue"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task The_overdue_commitments_are_read_from_the_columns_of_the_commitment_details_through_their_index()
    {
        await app.Commitment(await app.Roadmap(), "Delta: demine the fields", new DateOnly(1990, 1, 3));
        await using var session = app.Store.QuerySession();
        var query = Negotiations.ReadModels.Status.OverviewColumns.PastDeadline(session, new DateOnly(2026, 3, 1)).Take(5).ToCommand();
        query.CommandText.ShouldContain("d.deadline");
        query.CommandText.ShouldContain("d.retracted");

        await using var connection = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await new Npgsql.NpgsqlCommand("set local enable_seqscan = off", connection, transaction).ExecuteNonQueryAsync();
        query.CommandText = "explain " + query.CommandText;
        (query.Connection, query.Transaction) = (connection, transaction);
        var plan = new List<string>();
        await using (var reader = await query.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        plan.ShouldContain(line => line.Contains("mt_doc_commitmentdetails_idx_deadline_id"), string.Join("\n", plan));
    }

    private static List<JsonNode> Overdue(JsonNode overview, Guid understandingId) =>
        overview["overdueCommitments"]!.AsArray().Select(o => o!).Where(o => o["understandingId"]!.GetValue<Guid>() == understandingId).ToList();

    [Fact]
    public async Task Developments_count_in_the_week_they_occurred_without_the_retracted_and_with_corrections_moved()
    {
        // Weeks of 2031 that no other test uses: 3 March 2031 is the Monday of 2031-W10.
        var id = (await app.Post("/api/understandings", Given.DemilitarisedZone() with { Provenance = Given.Reported(new DateOnly(2031, 3, 4)) }))
            .ShouldBe(HttpStatusCode.Created).Id;
        (await app.Post($"/api/understandings/{id}/lifecycle", new ChangeLifecycle(Lifecycle.UnderNegotiation, null, Given.Reported(new DateOnly(2031, 3, 5)), 1)))
            .ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/understandings/{id}/stage", new ChangeStage(PaxStage.Ceasefire, Given.Reported(new DateOnly(2031, 3, 9)), 2)))
            .ShouldBe(HttpStatusCode.OK);
        var stream = await app.StreamOf(id);
        Weeks(await CaughtUpOverview()).ShouldBe(new Dictionary<string, int> { ["2031-W10"] = 3 });

        (await app.Post($"/api/developments/{stream[1].Id}/retraction", new RetractDevelopment("Not yet"))).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/developments/{stream[2].Id}/correction", new
        {
            reason = "It was the following week",
            replacement = new UnderstandingStageChanged(id, PaxStage.Ceasefire, Given.Reported(new DateOnly(2031, 3, 10)))
        })).ShouldBe(HttpStatusCode.OK);

        var overview = await CaughtUpOverview();
        Weeks(overview).ShouldBe(new Dictionary<string, int> { ["2031-W10"] = 1, ["2031-W11"] = 1 });
        // The weekly tallies give what counting every event gives, in every week of every test of this class so far.
        var tallied = overview["developmentsPerWeek"]!.AsArray()
            .Select(w => new WeekCountFromEvents.Week(w!["week"]!.GetValue<string>(), DateOnly.Parse(w["monday"]!.GetValue<string>()), w["developments"]!.GetValue<int>()));
        tallied.ShouldBe(await WeekCountFromEvents.CountAsync(app.Store));
    }

    /// <summary>The developments per week are kept by the daemon: read them once it has caught up.</summary>
    private async Task<JsonNode> CaughtUpOverview()
    {
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var overview = await Read("/api/overview");
        overview["freshness"]!["behind"]!.GetValue<bool>().ShouldBeFalse();
        return overview;
    }

    private static Dictionary<string, int> Weeks(JsonNode overview) => overview["developmentsPerWeek"]!.AsArray()
        .Where(w => w!["week"]!.GetValue<string>().StartsWith("2031-"))
        .ToDictionary(w => w!["week"]!.GetValue<string>(), w => w!["developments"]!.GetValue<int>());

    // ----- bad parameters -----

    [Theory]
    [InlineData("/api/offices?page=0", "page")]
    [InlineData("/api/offices?pageSize=0", "pageSize")]
    [InlineData("/api/offices?pageSize=201", "pageSize")]
    [InlineData("/api/casualty-claims?page=-1", "page")]
    [InlineData("/api/casualty-claims?pageSize=500", "pageSize")]
    [InlineData("/api/casualty-claims?understandingId=00000000-0000-0000-0000-000000000000", "understandingId")]
    [InlineData("/api/overview?asOf=2026-02-30", "asOf")]
    [InlineData("/api/overview?asOf=1%20March%202026", "asOf")]
    [InlineData("/api/overview?asOf=2026-03-01T00:00:00Z", "asOf")]
    [InlineData("/api/overview?overdueLimit=0", "overdueLimit")]
    [InlineData("/api/overview?overdueLimit=1001", "overdueLimit")]
    public async Task Bad_parameters_are_400_naming_the_parameter(string url, string parameter)
    {
        var problem = (await app.Get(url)).ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.Errors!.ContainsKey(parameter).ShouldBeTrue(problem.Body!.ToJsonString());
    }

    [Theory]
    [InlineData("/api/offices?page=first")]
    [InlineData("/api/offices?pageSize=ten")]
    [InlineData("/api/casualty-claims?understandingId=roadmap")]
    public async Task Unreadable_parameters_are_400(string url) =>
        (await app.Get(url)).Status.ShouldBe(HttpStatusCode.BadRequest);

    [Fact]
    public async Task Over_long_filters_are_400()
    {
        var problem = (await app.Get($"/api/offices?person={new string('x', 501)}")).ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.Errors!.ContainsKey("person").ShouldBeTrue();
    }
}
