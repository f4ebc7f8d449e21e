using System.Net;
using Negotiations.Corrections;
using Negotiations.Tests.Support;
using Negotiations.Zones;

namespace Negotiations.Tests.Zones;

/// <summary>Zones through HTTP against PostgreSQL. Every rejection leaves the stream and the store as they were.</summary>
public class ZoneApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string[] Findings = ["observed", "verified", "unverifiable", "contradicted"];

    private async Task<Guid> Define(DefineZone? command = null)
    {
        var reply = (await app.Post("/api/zones", command ?? GivenZones.SouthernZone())).ShouldBe(HttpStatusCode.Created);
        reply.Message.Headers.Location!.ToString().ShouldBe($"/api/zones/{reply.Id}");
        return reply.Id;
    }

    /// <summary>A zone with Syria's declared withdrawal; returns the declaration's event id.</summary>
    private async Task<(Guid Zone, Guid Declaration)> DefinedWithDeclaration()
    {
        var zone = await Define();
        (await app.Post($"/api/zones/{zone}/withdrawals", GivenZones.SyriaWithdrew(1))).ShouldBe(HttpStatusCode.OK);
        return (zone, (await app.StreamOf(zone))[^1].Id);
    }

    private async Task<(Guid Zone, Guid Report)> DefinedWithViolation()
    {
        var zone = await Define();
        (await app.Post($"/api/zones/{zone}/violations", GivenZones.Violation(1))).ShouldBe(HttpStatusCode.OK);
        return (zone, (await app.StreamOf(zone))[^1].Id);
    }

    private async Task StreamIsUnchanged(Guid id, int expectedEvents, Func<Task> rejected)
    {
        var before = await app.EventCount();
        await rejected();
        (await app.StreamOf(id)).Count.ShouldBe(expectedEvents);
        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_zone_linked_to_an_understanding_is_defined_and_read_back()
    {
        var understanding = (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created).Id;
        var id = await Define(GivenZones.SouthernZone(understandings: [understanding]));

        var zone = (await app.Get($"/api/zones/{id}")).ShouldBe(HttpStatusCode.OK).Body!;

        zone["name"]!.GetValue<string>().ShouldBe("Southern Syria demilitarised zone");
        zone["kind"]!.GetValue<string>().ShouldBe("demilitarised-zone");
        zone["reference"]!.GetValue<string>().ShouldBe("Damascus / southern Syria");
        zone["understandingIds"]!.AsArray().Single()!.GetValue<Guid>().ShouldBe(understanding);
        zone["rules"]!.AsArray().Single()!["weaponClass"]!.GetValue<string>().ShouldBe("heavy weapons");
        zone["rules"]![0]!["minimumDepthKm"]!.GetValue<decimal>().ShouldBe(10);
        zone["version"]!.GetValue<int>().ShouldBe(1);
        (await app.StreamOf(id)).Single().Data.ShouldBeOfType<ZoneDefined>();
    }

    [Fact]
    public async Task Minsk_lines_and_1974_limitation_bands_are_defined_by_the_same_endpoint()
    {
        var minsk = await Define(GivenZones.MinskLines());
        var bands = await Define(GivenZones.LimitationBands());

        (await app.Get($"/api/zones/{minsk}")).Body!["kind"]!.GetValue<string>().ShouldBe("withdrawal-line");
        var rules = (await app.Get($"/api/zones/{bands}")).Body!["rules"]!.AsArray();
        rules.Select(r => (r!["weaponClass"]!.GetValue<string>(), r["maximumDepthKm"]?.GetValue<decimal>(), r["limit"]?.GetValue<string>()))
            .ShouldBe([("tanks", 10m, "at most 75"), ("tanks", 20m, "at most 450"), ("surface-to-air missiles", null, null)]);
    }

    [Fact]
    public async Task A_link_to_an_unknown_understanding_is_a_404_and_appends_nothing()
    {
        var before = await app.EventCount();
        var unknown = Guid.CreateVersion7();

        (await app.Post("/api/zones", GivenZones.SouthernZone(understandings: [unknown])))
            .ShouldBeProblem(HttpStatusCode.NotFound).Detail!.ShouldContain(unknown.ToString());

        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Invalid_definitions_are_a_400_naming_each_field()
    {
        var before = await app.EventCount();

        (await app.Post("/api/zones", GivenZones.SouthernZone() with { Name = "", Rules = [new WeaponRule("tanks", 10, 5)] }))
            .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["name", "rules[0].maximumDepthKm"], ignoreOrder: true);
        (await app.PostRaw("/api/zones",
                """{"name":"z","kind":2,"reference":"r","rules":[],"provenance":{"sources":[{"name":"x","kind":"media"}],"occurred":{"from":"2025-09-15"}}}"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        (await app.PostRaw("/api/zones",
                """{"name":"z","kind":"buffer","reference":"r","rules":[],"provenance":{"sources":[{"name":"x","kind":"media"}],"occurred":{"from":"2025-09-15"}}}"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest);

        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Defining_with_an_id_that_is_taken_is_a_409()
    {
        var id = await Define();

        await StreamIsUnchanged(id, 1, async () =>
            (await app.Post("/api/zones", GivenZones.SouthernZone(id))).ShouldBeProblem(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Rules_are_replaced_and_the_same_set_again_appends_nothing()
    {
        var id = await Define();

        var changed = (await app.Post($"/api/zones/{id}/rules", new ChangeZoneRules(
            [new WeaponRule("heavy weapons", 20), new WeaponRule("artillery >= 100 mm", 50)], Given.Reported(), 1))).ShouldBe(HttpStatusCode.OK);
        changed.Body!["rules"]!.AsArray().Count.ShouldBe(2);
        changed.Body["version"]!.GetValue<int>().ShouldBe(2);

        await StreamIsUnchanged(id, 2, async () =>
            (await app.Post($"/api/zones/{id}/rules", new ChangeZoneRules(
                [new WeaponRule("heavy weapons", 20), new WeaponRule("artillery >= 100 mm", 50)], Given.Reported(), 2))).ShouldBe(HttpStatusCode.OK));
    }

    [Fact]
    public async Task A_stale_or_missing_version_is_a_409_or_400_and_appends_nothing()
    {
        var (id, declaration) = await DefinedWithDeclaration();

        await StreamIsUnchanged(id, 2, async () =>
        {
            (await app.Post($"/api/zones/{id}/rules", new ChangeZoneRules([], Given.Reported(), 1)))
                .ShouldBeProblem(HttpStatusCode.Conflict).Detail!.ShouldContain("at version 2");
            (await app.Post($"/api/zones/{id}/withdrawals", GivenZones.SyriaWithdrew(1, 15))).ShouldBeProblem(HttpStatusCode.Conflict);
            (await app.Post($"/api/zones/{id}/withdrawals/verified", GivenZones.Assessment(declaration, 1))).ShouldBeProblem(HttpStatusCode.Conflict);
            (await app.Post($"/api/zones/{id}/violations", GivenZones.Violation(1))).ShouldBeProblem(HttpStatusCode.Conflict);
            (await app.PostRaw($"/api/zones/{id}/withdrawals",
                    """{"party":"Syria","weaponClass":"tanks","depthKm":5,"provenance":{"sources":[{"name":"x","kind":"media"}],"occurred":{"from":"2025-09-15"}}}"""))
                .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("version").ShouldBeTrue();
        });
    }

    [Fact]
    public async Task A_declared_withdrawal_is_kept_with_its_status_and_the_rule_it_answers()
    {
        var (id, declaration) = await DefinedWithDeclaration();

        var zone = (await app.Get($"/api/zones/{id}")).Body!;
        var standing = zone["standing"]!.AsArray().Single()!;
        standing["declarationEventId"]!.GetValue<Guid>().ShouldBe(declaration);
        standing["party"]!.GetValue<string>().ShouldBe("Syria");
        standing["declaredDepthKm"]!.GetValue<decimal>().ShouldBe(10);
        standing["area"]!.GetValue<string>().ShouldBe("southern areas");
        standing["status"]!.GetValue<string>().ShouldBe("declared");
        standing["requiredDepthKm"]!.GetValue<decimal>().ShouldBe(10);
        standing["declaredDepthMeetsRule"]!.GetValue<bool>().ShouldBeTrue();
        zone["declarationCount"]!.GetValue<int>().ShouldBe(1);

        await StreamIsUnchanged(id, 2, async () =>
            (await app.Post($"/api/zones/{id}/withdrawals", GivenZones.SyriaWithdrew(2))).ShouldBe(HttpStatusCode.OK));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1000.5)]
    public async Task A_depth_out_of_range_is_a_400_naming_it(double km)
    {
        var id = await Define();

        await StreamIsUnchanged(id, 1, async () =>
            (await app.Post($"/api/zones/{id}/withdrawals", GivenZones.SyriaWithdrew(1, (decimal)km)))
                .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["depthKm"]));
    }

    [Fact]
    public async Task Each_finding_of_a_monitor_is_logged_and_the_latest_one_stands()
    {
        var (id, declaration) = await DefinedWithDeclaration();
        var version = 2;

        foreach (var finding in Findings)
        {
            var reply = (await app.Post($"/api/zones/{id}/withdrawals/{finding}", GivenZones.Assessment(declaration, version, $"{finding} from patrol")))
                .ShouldBe(HttpStatusCode.OK);
            reply.Body!["recentDeclarations"]![0]!["status"]!.GetValue<string>().ShouldBe(finding);
            var standing = (await app.Get($"/api/zones/{id}")).Body!["standing"]![0]!;
            standing["status"]!.GetValue<string>().ShouldBe(finding);
            standing["latestAssessment"]!["eventId"]!.GetValue<Guid>().ShouldBe((await app.StreamOf(id))[^1].Id);
            standing["latestAssessment"]!["note"]!.GetValue<string>().ShouldBe($"{finding} from patrol");
            version++;
        }

        (await app.StreamOf(id)).Skip(2).Select(e => e.Data.GetType()).ShouldBe(
            [typeof(WithdrawalObserved), typeof(WithdrawalVerified), typeof(WithdrawalFoundUnverifiable), typeof(WithdrawalContradicted)]);
        await StreamIsUnchanged(id, 6, async () =>
            (await app.Post($"/api/zones/{id}/withdrawals/contradicted", GivenZones.Assessment(declaration, 6, "contradicted from patrol")))
                .ShouldBe(HttpStatusCode.OK));
    }

    [Fact]
    public async Task An_assessment_must_name_a_standing_declaration_of_the_same_zone()
    {
        var (id, declaration) = await DefinedWithDeclaration();
        var (otherZone, otherDeclaration) = await DefinedWithDeclaration();
        var definition = (await app.StreamOf(id))[0].Id;
        var unknown = Guid.CreateVersion7();

        await StreamIsUnchanged(id, 2, async () =>
        {
            foreach (var finding in Findings)
                (await app.Post($"/api/zones/{id}/withdrawals/{finding}", GivenZones.Assessment(unknown, 2)))
                    .ShouldBeProblem(HttpStatusCode.NotFound).Detail!.ShouldContain(unknown.ToString());
            (await app.Post($"/api/zones/{id}/withdrawals/verified", GivenZones.Assessment(otherDeclaration, 2)))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity).Detail!.ShouldContain("not a withdrawal declaration of this zone");
            (await app.Post($"/api/zones/{id}/withdrawals/verified", GivenZones.Assessment(definition, 2)))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity).Detail!.ShouldContain("is not a withdrawal declaration");
            (await app.Post($"/api/zones/{id}/withdrawals/verified", GivenZones.Assessment(Guid.Empty, 2)))
                .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.ContainsKey("declarationEventId").ShouldBeTrue();
            (await app.Post($"/api/zones/{Guid.CreateVersion7()}/withdrawals/verified", GivenZones.Assessment(declaration, 2)))
                .ShouldBe(HttpStatusCode.NotFound);
        });
        (await app.StreamOf(otherZone)).Count.ShouldBe(2);

        (await app.Post($"/api/developments/{declaration}/retraction", new RetractDevelopment("the source withdrew it"))).ShouldBe(HttpStatusCode.OK);
        await StreamIsUnchanged(id, 3, async () =>
            (await app.Post($"/api/zones/{id}/withdrawals/verified", GivenZones.Assessment(declaration, 3)))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity).Detail!.ShouldContain("was retracted"));
    }

    [Fact]
    public async Task A_violation_is_reported_verified_and_disputed()
    {
        var (id, report) = await DefinedWithViolation();

        var zone = (await app.Get($"/api/zones/{id}")).Body!;
        var reported = zone["latestViolations"]!.AsArray().Single()!;
        (reported["eventId"]!.GetValue<Guid>(), reported["status"]!.GetValue<string>(), reported["partyAccused"]!.GetValue<string>())
            .ShouldBe((report, "reported", "Syria"));
        zone["violationCount"]!.GetValue<int>().ShouldBe(1);

        (await app.Post($"/api/zones/{id}/violations/verified", GivenZones.Ruling(report, 2))).ShouldBe(HttpStatusCode.OK)
            .Body!["recentReports"]![0]!["status"]!.GetValue<string>().ShouldBe("verified");
        (await app.Post($"/api/zones/{id}/violations/disputed", GivenZones.Ruling(report, 3, "Syria"))).ShouldBe(HttpStatusCode.OK)
            .Body!["recentReports"]![0]!["status"]!.GetValue<string>().ShouldBe("disputed");
        var ruled = (await app.Get($"/api/zones/{id}")).Body!["latestViolations"]![0]!;
        (ruled["status"]!.GetValue<string>(), ruled["latestRuling"]!["by"]!.GetValue<string>()).ShouldBe(("disputed", "Syria"));
        ruled["latestRuling"]!["eventId"]!.GetValue<Guid>().ShouldBe((await app.StreamOf(id))[^1].Id);

        await StreamIsUnchanged(id, 4, async () =>
        {
            (await app.Post($"/api/zones/{id}/violations/disputed", GivenZones.Ruling(report, 4, "Syria"))).ShouldBe(HttpStatusCode.OK);
            (await app.Post($"/api/zones/{id}/violations", GivenZones.Violation(4))).ShouldBe(HttpStatusCode.OK);
        });
    }

    [Fact]
    public async Task A_ruling_must_name_a_standing_violation_report_of_the_same_zone()
    {
        var (id, report) = await DefinedWithViolation();
        var (_, otherReport) = await DefinedWithViolation();
        var definition = (await app.StreamOf(id))[0].Id;
        var unknown = Guid.CreateVersion7();

        await StreamIsUnchanged(id, 2, async () =>
        {
            (await app.Post($"/api/zones/{id}/violations/verified", GivenZones.Ruling(unknown, 2))).ShouldBeProblem(HttpStatusCode.NotFound);
            (await app.Post($"/api/zones/{id}/violations/disputed", GivenZones.Ruling(unknown, 2))).ShouldBeProblem(HttpStatusCode.NotFound);
            (await app.Post($"/api/zones/{id}/violations/verified", GivenZones.Ruling(otherReport, 2)))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity).Detail!.ShouldContain("not a violation report of this zone");
            (await app.Post($"/api/zones/{id}/violations/disputed", GivenZones.Ruling(definition, 2)))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity).Detail!.ShouldContain("is not a violation report");
            (await app.Post($"/api/zones/{id}/violations/disputed", GivenZones.Ruling(report, 1))).ShouldBeProblem(HttpStatusCode.Conflict);
            (await app.Post($"/api/zones/{id}/violations", GivenZones.Violation(2) with { Place = " " }))
                .ShouldBeProblem(HttpStatusCode.BadRequest).Errors!.Select(e => e.Key).ShouldBe(["place"]);
        });
    }

    [Fact]
    public async Task A_corrected_declaration_keeps_its_verification_and_a_retracted_one_is_gone()
    {
        var (id, declaration) = await DefinedWithDeclaration();
        (await app.Post($"/api/zones/{id}/withdrawals/verified", GivenZones.Assessment(declaration, 2))).ShouldBe(HttpStatusCode.OK);
        var replacement = new WithdrawalDeclared(id, "Syria", "heavy weapons", 8, "southern areas", GivenZones.AnonymousMilitarySource());

        (await app.Post($"/api/developments/{declaration}/correction", new { reason = "It was 8 km", replacement })).ShouldBe(HttpStatusCode.OK);

        var withdrawal = (await app.Get($"/api/zones/{id}")).Body!["standing"]!.AsArray().Single()!;
        withdrawal["declaredDepthKm"]!.GetValue<decimal>().ShouldBe(8);
        withdrawal["status"]!.GetValue<string>().ShouldBe("verified");
        withdrawal["earlierEventIds"]!.AsArray().Single()!.GetValue<Guid>().ShouldBe(declaration);
        var replacementId = withdrawal["declarationEventId"]!.GetValue<Guid>();
        replacementId.ShouldBe((await app.StreamOf(id))[^1].Id);
        // A later finding may name the original: it is about the replacement.
        (await app.Post($"/api/zones/{id}/withdrawals/contradicted", GivenZones.Assessment(declaration, 5))).ShouldBe(HttpStatusCode.OK)
            .Body!["recentDeclarations"]![0]!["status"]!.GetValue<string>().ShouldBe("contradicted");
        (await app.Get($"/api/zones/{id}")).Body!["standing"]![0]!["status"]!.GetValue<string>().ShouldBe("contradicted");

        (await app.Post($"/api/developments/{replacementId}/retraction", new RetractDevelopment("anonymous source disowned"))).ShouldBe(HttpStatusCode.OK);
        var zone = (await app.Get($"/api/zones/{id}")).Body!;
        zone["standing"]!.AsArray().ShouldBeEmpty();
        zone["declarationCount"]!.GetValue<int>().ShouldBe(0);
        zone["version"]!.GetValue<int>().ShouldBe(7);
        await StreamIsUnchanged(id, 7, async () =>
        {
            foreach (var named in new[] { declaration, replacementId })
                (await app.Post($"/api/zones/{id}/withdrawals/verified", GivenZones.Assessment(named, 7)))
                    .ShouldBeProblem(HttpStatusCode.UnprocessableEntity).Detail!.ShouldContain("was retracted");
        });
    }

    [Fact]
    public async Task An_unknown_zone_is_a_404_for_reads_and_every_command()
    {
        var unknown = Guid.CreateVersion7();
        var before = await app.EventCount();

        (await app.Get($"/api/zones/{unknown}")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await app.Post($"/api/zones/{unknown}/rules", new ChangeZoneRules([], Given.Reported(), 1))).ShouldBe(HttpStatusCode.NotFound);
        (await app.Post($"/api/zones/{unknown}/withdrawals", GivenZones.SyriaWithdrew(1))).ShouldBe(HttpStatusCode.NotFound);
        (await app.Post($"/api/zones/{unknown}/violations", GivenZones.Violation(1))).ShouldBe(HttpStatusCode.NotFound);
        (await app.Post($"/api/zones/{unknown}/violations/verified", GivenZones.Ruling(Guid.CreateVersion7(), 1))).ShouldBe(HttpStatusCode.NotFound);

        (await app.EventCount()).ShouldBe(before);
        (await app.StreamOf(unknown)).ShouldBeEmpty();
    }

    [Fact]
    public async Task It_can_be_read_as_of_a_version()
    {
        var (id, _) = await DefinedWithDeclaration();

        (await app.Get($"/api/zones/{id}?version=1")).ShouldBe(HttpStatusCode.OK).Body!["standing"]!.AsArray().ShouldBeEmpty();
        (await app.Get($"/api/zones/{id}?version=2")).Body!["standing"]!.AsArray().Single()!["party"]!.GetValue<string>().ShouldBe("Syria");
        (await app.Get($"/api/zones/{id}?version=0")).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_declaration_older_than_the_latest_the_zone_keeps_is_assessed_by_its_event_id()
    {
        var (id, retracted) = await DefinedWithDeclaration();
        (await app.Post($"/api/zones/{id}/withdrawals", GivenZones.SyriaWithdrew(2) with { Party = "Israel" })).ShouldBe(HttpStatusCode.OK);
        var corrected = (await app.StreamOf(id))[^1].Id;
        var replacement = new WithdrawalDeclared(id, "Israel", "heavy weapons", 12, null, GivenZones.AnonymousMilitarySource());
        (await app.Post($"/api/developments/{corrected}/correction", new { reason = "12 km", replacement })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/developments/{retracted}/retraction", new RetractDevelopment("never said"))).ShouldBe(HttpStatusCode.OK);
        var version = 6;
        for (var i = 0; i < Zone.Recent; i++)
            (await app.Post($"/api/zones/{id}/withdrawals", GivenZones.SyriaWithdrew(version++) with { Party = $"party {i}" })).ShouldBe(HttpStatusCode.OK);

        var answer = (await app.Post($"/api/zones/{id}/withdrawals/verified", GivenZones.Assessment(corrected, version))).ShouldBe(HttpStatusCode.OK).Body!;
        answer["recentDeclarations"]!.AsArray().Count.ShouldBe(Zone.Recent);
        var israel = (await app.Get($"/api/zones/{id}")).Body!["standing"]!.AsArray().Single(s => s!["party"]!.GetValue<string>() == "Israel")!;
        (israel["declaredDepthKm"]!.GetValue<decimal>(), israel["status"]!.GetValue<string>()).ShouldBe((12m, "verified"));
        await StreamIsUnchanged(id, version + 1, async () =>
            (await app.Post($"/api/zones/{id}/withdrawals/verified", GivenZones.Assessment(retracted, version + 1)))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity).Detail!.ShouldContain("was retracted"));
    }
}
