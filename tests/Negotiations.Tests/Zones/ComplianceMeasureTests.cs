using System.Net;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Tests.Support;
using Negotiations.Zones;
using Wolverine.Http;

namespace Negotiations.Tests.Zones;

/// <summary>Compliance with any measure, not only a depth: each measure takes what it needs, and monitors assess it as any withdrawal.</summary>
public class ComplianceMeasureTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static DeclareWithdrawal Declared(ComplianceMeasure? measure, string? weaponClass = null, decimal? depthKm = null, int? count = null,
        string? unit = null, string? place = null, string? forces = null) =>
        new("Syrian government", weaponClass, depthKm, null, GivenZones.AnonymousMilitarySource(), 1, measure, count, unit, place, forces);

    private static string[] Invalid(ProblemDetails problems) => ((ValidationProblemDetails)problems).Errors.Keys.ToArray();

    public static TheoryData<DeclareWithdrawal, string> Accepted => new()
    {
        { Declared(null, "heavy weapons", 10), "withdrew to 10 km" },
        { Declared(ComplianceMeasure.WithdrawalBehindLine, "artillery", place: "the Bravo line"), "withdrew behind the Bravo line" },
        { Declared(ComplianceMeasure.Handover, "heavy weapons", count: 12, unit: "tanks", place: "Sanamayn depot"), "handed over 12 tanks at Sanamayn depot" },
        { Declared(ComplianceMeasure.Handover, "small arms"), "handed over" },
        { Declared(ComplianceMeasure.Cantonment, count: 300, unit: "fighters"), "cantoned 300 fighters" },
        { Declared(ComplianceMeasure.Departure, forces: "Foreign forces", place: "the northern region"), "Foreign forces left the northern region" },
        { Declared(ComplianceMeasure.CrossingOpening, place: "Nasib crossing"), "opened Nasib crossing" },
        { Declared(ComplianceMeasure.DetaineeRelease, count: 40), "released 40" },
        { Declared(ComplianceMeasure.CeasefireObserved), "observed the ceasefire" },
    };

    [Theory, MemberData(nameof(Accepted))]
    public void Each_measure_takes_what_it_needs(DeclareWithdrawal command, string words)
    {
        command.Validate().ShouldBeSameAs(WolverineContinue.NoProblems);
        ComplianceMeasures.Words(command.Measure, command.DepthKm, command.Count, command.Unit, command.Place, command.Forces).ShouldBe(words);
    }

    public static TheoryData<DeclareWithdrawal, string> Refused => new()
    {
        { Declared(null, "heavy weapons"), "depthKm" },
        { Declared(ComplianceMeasure.Handover, "heavy weapons", depthKm: 10), "depthKm" },
        { Declared(ComplianceMeasure.Handover), "weaponClass" },
        { Declared(ComplianceMeasure.Departure), "forces" },
        { Declared(ComplianceMeasure.Handover, "tanks", forces: "Brigade 8"), "forces" },
        { Declared(ComplianceMeasure.WithdrawalBehindLine, "artillery"), "place" },
        { Declared(ComplianceMeasure.CeasefireObserved, count: 3), "count" },
        { Declared(ComplianceMeasure.DetaineeRelease, unit: "prisoners"), "unit" },
        { Declared(ComplianceMeasure.DetaineeRelease, count: -1), "count" },
    };

    [Theory, MemberData(nameof(Refused))]
    public void A_figure_a_measure_does_not_take_or_lacks_is_refused_by_its_field(DeclareWithdrawal command, string field) =>
        Invalid(command.Validate()).ShouldBe([field]);

    [Fact]
    public async Task A_handover_is_declared_observed_and_verified_and_shown_per_party_and_weapon_class_beside_a_withdrawal()
    {
        var zone = (await app.Post("/api/zones", GivenZones.SouthernZone() with { Kind = ZoneKind.CantonmentSite })).ShouldBe(HttpStatusCode.Created).Id;
        (await app.Post($"/api/zones/{zone}/withdrawals", Declared(ComplianceMeasure.Handover, "heavy weapons", count: 12, unit: "tanks"))).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/zones/{zone}/withdrawals", GivenZones.SyriaWithdrew(2) with { Party = "Syrian government" })).ShouldBe(HttpStatusCode.OK);
        var handover = (await app.StreamOf(zone))[1].Id;
        (await app.Post($"/api/zones/{zone}/withdrawals/observed", GivenZones.Assessment(handover, 3))).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/zones/{zone}/withdrawals/verified", GivenZones.Assessment(handover, 4))).ShouldBe(HttpStatusCode.OK);

        var standing = (await app.Get($"/api/zones/{zone}")).ShouldBe(HttpStatusCode.OK).Body!["standing"]!.AsArray();
        standing.Select(s => (s!["measure"]!.GetValue<string>(), s["status"]!.GetValue<string>())).ShouldBe(
            [("handover", "verified"), ("withdrawal-to-depth", "declared")]);
        standing[0]!["count"]!.GetValue<int>().ShouldBe(12);
        standing[0]!["declaredDepthKm"].ShouldBeNull();
        standing[0]!["requiredDepthKm"].ShouldBeNull(); // the zone's rules are depths: they say nothing of a handover
        standing[1]!["requiredDepthKm"]!.GetValue<decimal>().ShouldBe(10m);

        var before = await app.EventCount();
        var refused = (await app.Post($"/api/zones/{zone}/withdrawals", Declared(ComplianceMeasure.Handover, "heavy weapons", depthKm: 5) with { ExpectedVersion = 5 }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        refused.Body!["errors"]!["depthKm"]![0]!.GetValue<string>().ShouldContain("Only \"withdrawal-to-depth\" is measured in km");
        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_rule_may_require_a_count_by_a_deadline_and_the_standing_says_whether_the_declaration_meets_it()
    {
        var rules = new[]
        {
            new WeaponRule("heavy weapons", 10),
            new WeaponRule("heavy weapons", null, Measure: ComplianceMeasure.Handover, Count: 100, Deadline: new DateOnly(2025, 9, 30), Place: "the UN depot")
        };
        var zone = (await app.Post("/api/zones", GivenZones.SouthernZone() with { Rules = rules })).ShouldBe(HttpStatusCode.Created).Id;
        (await app.Post($"/api/zones/{zone}/withdrawals", Declared(ComplianceMeasure.Handover, "heavy weapons", count: 50))).ShouldBe(HttpStatusCode.OK);

        var handover = (await app.Get($"/api/zones/{zone}")).Body!["standing"]![0]!;
        (handover["requiredCount"]!.GetValue<int>(), handover["requiredBy"]!.GetValue<string>(), handover["meetsRule"]!.GetValue<bool>())
            .ShouldBe((100, "2025-09-30", false));
        handover["requiredDepthKm"].ShouldBeNull();

        var before = await app.EventCount();
        var refused = (await app.Post("/api/zones", GivenZones.SouthernZone() with
        {
            Rules = [new WeaponRule("tanks", 5, Measure: ComplianceMeasure.Handover), new WeaponRule("foreign forces", null, Measure: ComplianceMeasure.Departure)]
        })).ShouldBeProblem(HttpStatusCode.BadRequest);
        refused.Body!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["rules[0].minimumDepthKm", "rules[1].measure"]);
        (await app.EventCount()).ShouldBe(before);
    }
}
