using System.Net;
using Negotiations.Appointments;
using Negotiations.Casualties;
using Negotiations.Commitments;
using Negotiations.Corrections;
using Negotiations.Mechanisms;
using Negotiations.Rounds;
using Negotiations.Tests.Appointments;
using Negotiations.Tests.Casualties;
using Negotiations.Tests.Commitments;
using Negotiations.Tests.Mechanisms;
using Negotiations.Tests.Rounds;
using Negotiations.Tests.Support;
using Negotiations.Tests.Zones;
using Negotiations.Understandings;
using Negotiations.Zones;

namespace Negotiations.Tests.Corrections;

/// <summary>
/// A correction's replacement obeys the field rules of its kind (400, named under "replacement."), names only
/// what exists, and a retraction or correction leaves its stream in a state the domain allows (422).
/// Whatever is refused appends nothing.
/// </summary>
public class CorrectionRulesApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private Task<Reply> Correct(Guid eventId, object replacement) =>
        app.Post($"/api/developments/{eventId}/correction", new { reason = "misread the report", replacement });

    private Task<Reply> Retract(Guid eventId) => app.Post($"/api/developments/{eventId}/retraction", new RetractDevelopment("misread the report"));

    /// <summary>Sends what must be refused, and checks the store holds no more events than before.</summary>
    private async Task<Reply> Refused(Func<Task<Reply>> send, HttpStatusCode status)
    {
        var before = await app.EventCount();
        var reply = (await send()).ShouldBeProblem(status);
        (await app.EventCount()).ShouldBe(before);
        return reply;
    }

    private async Task<Reply> Invalid(Func<Task<Reply>> send, string field)
    {
        var reply = await Refused(send, HttpStatusCode.BadRequest);
        reply.Errors!.Select(e => e.Key).ShouldBe([field], reply.Body!.ToJsonString());
        return reply;
    }

    private async Task<Guid> Event(Guid stream, int index) => (await app.StreamOf(stream))[index].Id;

    [Fact]
    public async Task Understanding_a_corrected_lifecycle_change_obeys_its_rules_and_a_retraction_keeps_the_moves_sensible()
    {
        var id = (await app.Post("/api/understandings", Given.DemilitarisedZone())).ShouldBe(HttpStatusCode.Created).Id;
        Lifecycle[] moves = [Lifecycle.UnderNegotiation, Lifecycle.Agreed, Lifecycle.InImplementation];
        for (var i = 0; i < moves.Length; i++)
            (await app.Post($"/api/understandings/{id}/lifecycle", new ChangeLifecycle(moves[i], null, Given.Reported(), i + 1))).ShouldBe(HttpStatusCode.OK);
        var agreed = await Event(id, 2);

        await Invalid(() => Correct(agreed, new UnderstandingLifecycleChanged(id, Lifecycle.Agreed, new string('x', 501), Given.Reported())),
            "replacement.reason");
        (await Refused(() => Retract(agreed), HttpStatusCode.UnprocessableEntity)).Detail
            .ShouldStartWith("The understanding would go from under-negotiation to in-implementation");

        // Corrected where it stood, the earlier move stays before the later ones.
        (await Correct(await Event(id, 1), new UnderstandingLifecycleChanged(id, Lifecycle.UnderNegotiation, "US mediation", Given.Reported())))
            .ShouldBe(HttpStatusCode.OK);
        (await app.Get($"/api/understandings/{id}")).Body!["status"]!.GetValue<string>().ShouldBe("in-implementation");

        // Taken back from the latest, every step stays a sensible move.
        (await Retract(await Event(id, 3))).ShouldBe(HttpStatusCode.OK);
        (await Retract(agreed)).ShouldBe(HttpStatusCode.OK);
        (await app.Get($"/api/understandings/{id}")).Body!["status"]!.GetValue<string>().ShouldBe("under-negotiation");
    }

    [Fact]
    public async Task Round_a_corrected_postponement_or_rescheduling_obeys_its_rules()
    {
        var id = (await app.Post("/api/rounds", GivenRounds.InBaku())).ShouldBe(HttpStatusCode.Created).Id;
        (await app.Post($"/api/rounds/{id}/postponement", new PostponeRound("Security concerns", GivenRounds.Diplomats(), 1))).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/rounds/{id}/schedule", new RescheduleRound(GivenRounds.Diplomats(), 2, Venue: "Vienna"))).ShouldBe(HttpStatusCode.OK);

        var (postponement, rescheduling) = (await Event(id, 1), await Event(id, 2));

        await Invalid(() => Correct(postponement, new RoundPostponed(id, " ", null, GivenRounds.Diplomats())), "replacement.reason");
        await Invalid(() => Correct(rescheduling, new RoundRescheduled(id, null, null, GivenRounds.Diplomats())), "replacement.plannedFor");
    }

    [Fact]
    public async Task Zone_a_corrected_withdrawal_has_a_depth_within_range()
    {
        var id = (await app.Post("/api/zones", GivenZones.SouthernZone())).ShouldBe(HttpStatusCode.Created).Id;
        (await app.Post($"/api/zones/{id}/withdrawals", GivenZones.SyriaWithdrew(1))).ShouldBe(HttpStatusCode.OK);
        var declaration = await Event(id, 1);

        await Invalid(() => Correct(declaration, new WithdrawalDeclared(id, "Syria", "heavy weapons", -5, null, GivenZones.AnonymousMilitarySource())),
            "replacement.depthKm");
        (await app.Get($"/api/zones/{id}")).Body!["standing"]!.AsArray().Single()!["declaredDepthKm"]!.GetValue<decimal>().ShouldBe(10);
    }

    [Fact]
    public async Task Mechanism_a_corrected_member_is_named_and_a_retraction_leaves_nobody_leaving_without_having_joined()
    {
        var roadmap = (await app.Post("/api/understandings", GivenCommitments.SweidaRoadmap())).ShouldBe(HttpStatusCode.Created).Id;
        var id = (await app.Post("/api/mechanisms", GivenMechanisms.Trilateral(roadmap))).ShouldBe(HttpStatusCode.Created).Id;
        (await app.Post($"/api/mechanisms/{id}/members", GivenMechanisms.Add("Egypt", MemberRole.Observer, 1))).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/mechanisms/{id}/departures", GivenMechanisms.Left("Egypt", 2))).ShouldBe(HttpStatusCode.OK);
        var joined = await Event(id, 1);

        await Invalid(() => Correct(joined, new MechanismMemberAdded(id, new MechanismMember(" ", MemberRole.Observer), GivenMechanisms.Jordan())),
            "replacement.member.name");
        (await Refused(() => Retract(joined), HttpStatusCode.UnprocessableEntity)).Detail.ShouldBe(
            "Egypt would leave Trilateral mechanism for the Sweida roadmap without sitting on it.");
        (await Refused(() => Correct(joined, new MechanismMemberAdded(id, new MechanismMember("Qatar", MemberRole.Observer), GivenMechanisms.Jordan())),
            HttpStatusCode.UnprocessableEntity)).Detail!.ShouldContain("Egypt would leave");
    }

    [Fact]
    public async Task Office_retracting_a_dismissal_after_a_successor_was_appointed_is_refused()
    {
        var province = GivenOffices.Province();
        var id = (await app.Post("/api/offices/appointments", GivenOffices.SecurityChief(province))).ShouldBe(HttpStatusCode.Created).Body!["id"]!.GetValue<Guid>();
        (await app.Post($"/api/offices/{id}/dismissals", GivenOffices.Dismiss("Suleiman Abdel Baqi", 1))).ShouldBe(HttpStatusCode.OK);
        (await app.Post("/api/offices/appointments", GivenOffices.SecurityChief(province, "Ahmed al-Dalati", 2, on: new DateOnly(2025, 12, 2))))
            .ShouldBe(HttpStatusCode.OK);
        var dismissal = await Event(id, 1);

        (await Refused(() => Retract(dismissal), HttpStatusCode.UnprocessableEntity)).Detail!.ShouldContain(
            "would have 2 holders at once (Suleiman Abdel Baqi, Ahmed al-Dalati); a single-holder office has one holder at a time.");
        await Invalid(() => Correct(dismissal, new OfficialDismissed(id, "Ahmed al-Dalati", "Ministry of Interior", null, GivenOffices.Government(new DateOnly(2025, 12, 1)))),
            "replacement.person");
        await Invalid(() => Correct(dismissal, new OfficialDismissed(id, "Suleiman Abdel Baqi", "", null, GivenOffices.Government(new DateOnly(2025, 12, 1)))),
            "replacement.dismissedBy");

        // The same person, another date: the dismissal is corrected where it stood.
        (await Correct(dismissal, new OfficialDismissed(id, "suleiman abdel baqi", "Ministry of Interior", null, GivenOffices.Government(new DateOnly(2025, 11, 30)))))
            .ShouldBe(HttpStatusCode.OK);
        var office = (await app.Get($"/api/offices/{id}")).Body!;
        office["holders"]!.AsArray().Single()!["person"]!.GetValue<string>().ShouldBe("Ahmed al-Dalati");
        office["formerHolders"]!.AsArray().Single()!["to"]!["from"]!.GetValue<string>().ShouldBe("2025-11-30");
    }

    [Fact]
    public async Task Office_a_corrected_appointment_keeps_its_place_and_does_not_put_a_dismissed_person_back_in_office()
    {
        var province = GivenOffices.Province();
        var id = (await app.Post("/api/offices/appointments", GivenOffices.SecurityChief(province, "First Chief", on: new DateOnly(2025, 1, 10))))
            .ShouldBe(HttpStatusCode.Created).Body!["id"]!.GetValue<Guid>();
        (await app.Post($"/api/offices/{id}/dismissals", GivenOffices.Dismiss("First Chief", 1, new DateOnly(2025, 9, 1)))).ShouldBe(HttpStatusCode.OK);
        (await app.Post("/api/offices/appointments", GivenOffices.SecurityChief(province, version: 2))).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/offices/{id}/dismissals", GivenOffices.Dismiss("Suleiman Abdel Baqi", 3))).ShouldBe(HttpStatusCode.OK);
        (await app.Post("/api/offices/appointments", GivenOffices.SecurityChief(province, "Ahmed al-Dalati", 4, on: new DateOnly(2025, 12, 2))))
            .ShouldBe(HttpStatusCode.OK);
        var appointment = await Event(id, 2);
        OfficialAppointed Replacement(DateOnly on, string by = "Syrian government") =>
            new(id, "Suleiman Abdel Baqi", "Internal security chief", province, by, "Druze", true, [], GivenOffices.Government(on));

        await Invalid(() => Correct(appointment, Replacement(new DateOnly(2025, 9, 14), by: "")), "replacement.appointedBy");
        await Invalid(() => Correct(appointment, Replacement(new DateOnly(2025, 9, 14)) with { Office = "Governor" }), "replacement.office");
        (await Refused(() => Correct(appointment, Replacement(new DateOnly(2025, 12, 15))), HttpStatusCode.UnprocessableEntity)).Detail!
            .ShouldContain("Suleiman Abdel Baqi would leave");
        (await Refused(() => Correct(appointment, Replacement(new DateOnly(2025, 9, 14)) with { UnderstandingIds = [Guid.CreateVersion7()] }),
            HttpStatusCode.UnprocessableEntity)).Body!["title"]!.GetValue<string>().ShouldBe("Unknown understanding");

        (await Correct(appointment, Replacement(new DateOnly(2025, 9, 14), "Ministry of Interior"))).ShouldBe(HttpStatusCode.OK);

        var office = (await app.Get($"/api/offices/{id}")).Body!;
        office["holders"]!.AsArray().Single()!["person"]!.GetValue<string>().ShouldBe("Ahmed al-Dalati");
        var former = office["formerHolders"]!.AsArray();
        former.Select(t => t!["person"]!.GetValue<string>()).ShouldBe(["First Chief", "Suleiman Abdel Baqi"]);
        former[1]!["appointedBy"]!.GetValue<string>().ShouldBe("Ministry of Interior");
        former[1]!["from"]!["from"]!.GetValue<string>().ShouldBe("2025-09-14");
        former[1]!["left"]!["kind"]!.GetValue<string>().ShouldBe("dismissed");
    }

    [Fact]
    public async Task Commitment_a_corrected_assessment_stays_on_the_scale_and_cites_events_the_store_holds()
    {
        var roadmap = (await app.Post("/api/understandings", GivenCommitments.SweidaRoadmap())).ShouldBe(HttpStatusCode.Created).Id;
        var id = (await app.Post("/api/commitments", GivenCommitments.JusticeForVictims(roadmap))).ShouldBe(HttpStatusCode.Created).Id;
        var made = await Event(id, 0);
        (await app.Post($"/api/commitments/{id}/assessments", new AssessImplementation(1, "A committee was formed", [made], GivenCommitments.FromJordan(), 1)))
            .ShouldBe(HttpStatusCode.OK);
        var assessment = await Event(id, 1);

        await Invalid(() => Correct(assessment, new ImplementationAssessed(id, 7, "A committee was formed", [made], GivenCommitments.FromJordan())),
            "replacement.level");
        await Invalid(() => Correct(assessment, new ImplementationAssessed(id, 2, "A committee was formed", [], GivenCommitments.FromJordan())),
            "replacement.evidence");
        var unknown = Guid.CreateVersion7();
        var refused = await Refused(() => Correct(assessment, new ImplementationAssessed(id, 2, "Trials began", [made, unknown], GivenCommitments.FromJordan())),
            HttpStatusCode.UnprocessableEntity);
        refused.Detail!.ShouldContain(unknown.ToString());
        refused.Body!["unknownEventIds"]!.AsArray().Single()!.GetValue<Guid>().ShouldBe(unknown);

        (await Correct(assessment, new ImplementationAssessed(id, 2, "Trials began", [made], GivenCommitments.FromJordan()))).ShouldBe(HttpStatusCode.OK);
        (await app.Get($"/api/commitments/{id}")).Body!["assessment"]!["level"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task Casualty_claim_corrected_figures_keep_low_best_high_in_order_and_its_source_does_not_dispute_itself()
    {
        var id = (await app.Post("/api/casualty-claims", GivenCasualties.SweidaToll())).ShouldBe(HttpStatusCode.Created).Id;
        (await app.Post($"/api/casualty-claims/{id}/revisions",
            new ReviseCasualtyClaim(GivenCasualties.Observatory, new CasualtyFigures(2000, 2100, 2500), null, null, GivenCasualties.FromObservatory(), 1)))
            .ShouldBe(HttpStatusCode.OK);
        var government = Given.Reported(source: "Syrian government");
        (await app.Post($"/api/casualty-claims/{id}/disputes", new DisputeCasualtyClaim("Syrian government", "Figures exaggerated", government, 2)))
            .ShouldBe(HttpStatusCode.OK);
        var (revision, dispute) = (await Event(id, 1), await Event(id, 2));

        await Invalid(() => Correct(revision, new CasualtyClaimRevised(id, new CasualtyFigures(2200, 2100, 2500), [], null, GivenCasualties.FromObservatory())),
            "replacement.figures.low");
        await Invalid(() => Correct(revision, new CasualtyClaimRevised(id, new CasualtyFigures(2000, 2100, 2500), null!, null, GivenCasualties.FromObservatory())),
            "replacement.breakdown");
        (await Refused(() => Correct(dispute, new CasualtyClaimDisputed(id, GivenCasualties.Observatory, "Figures exaggerated", government)),
            HttpStatusCode.UnprocessableEntity)).Detail!.ShouldContain("would dispute its own figures");

        // Corrected, the revision keeps its place and its replacement's id; retracted, the dispute is gone from the details.
        (await Correct(revision, new CasualtyClaimRevised(id, new CasualtyFigures(2000, 2200, 2500), [], "recounted", GivenCasualties.FromObservatory())))
            .ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/developments/{dispute}/retraction", new RetractDevelopment("Not what the government said"))).ShouldBe(HttpStatusCode.OK);
        var claim = (await app.Get($"/api/casualty-claims/{id}")).Body!;
        var replacement = (await app.StreamOf(id))[4].Id;
        claim["revisions"]!.AsArray().Select(r => (r!["eventId"]!.GetValue<Guid>(), r["figures"]!["best"]!.GetValue<int>())).ShouldBe([(replacement, 2200)]);
        claim["latest"]!["note"]!.GetValue<string>().ShouldBe("recounted");
        (claim["disputed"]!.GetValue<bool>(), claim["disputeCount"]!.GetValue<int>(), claim["version"]!.GetValue<int>()).ShouldBe((false, 0, 6));
    }

    [Fact]
    public async Task A_replacement_with_a_bad_provenance_and_bad_fields_names_each_under_replacement()
    {
        var id = (await app.Post("/api/zones", GivenZones.SouthernZone())).ShouldBe(HttpStatusCode.Created).Id;
        (await app.Post($"/api/zones/{id}/withdrawals", GivenZones.SyriaWithdrew(1))).ShouldBe(HttpStatusCode.OK);
        var declaration = await Event(id, 1);

        var reply = await Refused(() => Correct(declaration,
                new WithdrawalDeclared(id, "", "heavy weapons", 1001, null, GivenZones.AnonymousMilitarySource() with { Sources = [] })),
            HttpStatusCode.BadRequest);

        reply.Errors!.Select(e => e.Key).OrderBy(k => k).ShouldBe(["replacement.depthKm", "replacement.party", "replacement.provenance.sources"]);
    }
}
