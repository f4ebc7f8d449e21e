using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Negotiations.Tests.Support;
using Negotiations.Zones;
using Wolverine.Http;
using IEvent = JasperFx.Events.IEvent;

namespace Negotiations.Tests.Zones;

/// <summary>Events in, state out; command and state in, events out. No database.</summary>
public class ZoneDeciderTests
{
    private static readonly Guid Id = Guid.Parse("0199a000-0000-7000-8000-000000000201");
    private static readonly Guid DefinitionEvent = Guid.Parse("0199a000-0000-7000-8000-0000000002e1");

    private static Zone Defined() => Zone.Fold(null, GivenZones.SouthernZone().Decide(Id).AsEvent(DefinitionEvent))!;

    private static Zone Then(Zone state, object data, Guid? eventId = null) => Zone.Fold(state, data.AsEvent(eventId, state.Version + 1))!;

    /// <summary>Applies what a decider returned, as Marten would, with the given event ids.</summary>
    private static Zone Applying(Zone state, IEnumerable<object> decided, params Guid[] eventIds) =>
        decided.Select((data, i) => (data, i)).Aggregate(state, (s, d) => Then(s, d.data, eventIds.ElementAtOrDefault(d.i)));

    private static (Zone Zone, Guid Declaration) Declared(decimal km = 10)
    {
        var declaration = Guid.CreateVersion7();
        var zone = Defined();
        return (Applying(zone, GivenZones.SyriaWithdrew(zone.Version, km).Decide(zone), declaration), declaration);
    }

    /// <summary>A zone's stream as Marten stores it, folded as it stands by the write model and the details alike.</summary>
    private sealed class History
    {
        private readonly List<IEvent> events = [];

        public History(DefineZone? definition = null) => Add((definition ?? GivenZones.SouthernZone()).Decide(Id), DefinitionEvent);

        public Guid Add(object data, Guid? eventId = null)
        {
            var e = data.AsEvent(eventId, events.Count + 1);
            e.StreamId = Id;
            events.Add(e);
            return e.Id;
        }

        /// <summary>A correction and its replacement; the replacement's event id.</summary>
        public Guid Correct(Guid corrected, string type, object replacement)
        {
            Add(new DevelopmentCorrected(corrected, type, "corrected"));
            return Add(replacement);
        }

        public Guid Retract(Guid retracted, string type) => Add(new DevelopmentRetracted(retracted, type, "retracted"));

        public Zone Zone => AsItStands.Fold<Zone>(events)!;

        public ZoneDetails Details => AsItStands.Fold<ZoneDetails>(events)!;
    }

    private static WithdrawalDeclared Withdrew(decimal km, string party = "Syria", string weapon = "heavy weapons", DateOnly? on = null) =>
        new(Id, party, weapon, km, "southern areas", GivenZones.Osce(on));

    [Fact]
    public void A_definition_starts_a_zone_with_its_rules_and_links()
    {
        var understanding = Guid.CreateVersion7();
        var command = GivenZones.SouthernZone(understandings: [understanding, understanding]) with
        {
            Name = "  Southern zone ", Rules = [new WeaponRule(" heavy weapons ", 10, null, " ")]
        };

        var zone = Zone.Fold(null, command.Decide(Id).AsEvent(DefinitionEvent))!;

        zone.Id.ShouldBe(Id);
        zone.Rules.ShouldBe([new WeaponRule("heavy weapons", 10)]);
        zone.RecentDeclarations.ShouldBeEmpty();
        zone.Version.ShouldBe(1);
        var details = ZoneDetails.Fold(null, command.Decide(Id).AsEvent(DefinitionEvent))!;
        details.Name.ShouldBe("Southern zone");
        details.Kind.ShouldBe(ZoneKind.DemilitarisedZone);
        details.Reference.ShouldBe("Damascus / southern Syria");
        details.UnderstandingIds.ShouldBe([understanding]);
        details.Rules.ShouldBe(zone.Rules);
        details.RulesEventId.ShouldBe(DefinitionEvent);
        details.Standing.ShouldBeEmpty();
        details.Version.ShouldBe(1);
    }

    [Fact]
    public void Minsk_lines_and_1974_bands_fit_without_new_kinds_of_rule()
    {
        GivenZones.MinskLines().Validate().ShouldBeSameAs(WolverineContinue.NoProblems);
        GivenZones.LimitationBands().Validate().ShouldBeSameAs(WolverineContinue.NoProblems);

        var minsk = new History(GivenZones.MinskLines());
        minsk.Add(new WithdrawalDeclared(Id, "Ukraine", "Artillery >= 100 mm", 50, "Donetsk sector", GivenZones.Osce()));
        minsk.Add(new WithdrawalDeclared(Id, "Ukraine", "multiple rocket launchers", 40, null, GivenZones.Osce()));
        minsk.Details.Standing.Select(s => (s.WeaponClass, s.RequiredDepthKm, s.DeclaredDepthMeetsRule)).ShouldBe(
            [("Artillery >= 100 mm", 50m, true), ("multiple rocket launchers", 70m, false)]);

        var bands = new History(GivenZones.LimitationBands());
        bands.Add(new WithdrawalDeclared(Id, "Syria", "tanks", 12, null, GivenZones.Osce()));
        bands.Details.Rules.Count(r => r.WeaponClass == "tanks").ShouldBe(2);
        bands.Details.Standing.Single().RequiredDepthKm.ShouldBeNull(); // bands limit numbers; they require no withdrawal
        bands.Details.Standing.Single().DeclaredDepthMeetsRule.ShouldBeNull();
    }

    [Fact]
    public void The_details_keep_per_party_and_weapon_class_the_latest_declaration_and_finding()
    {
        var zone = new History();
        var first = zone.Add(Withdrew(8));
        var second = zone.Add(new WithdrawalDeclared(Id, "Syria", "Heavy Weapons", 12, "southern areas", GivenZones.Osce()));
        zone.Add(new WithdrawalObserved(Id, first, "OSCE", null, GivenZones.Osce()));
        zone.Add(new WithdrawalVerified(Id, second, "OSCE", "seen in depots", GivenZones.Osce()));
        var contradicted = zone.Add(new WithdrawalContradicted(Id, second, "OSCE", "back at the line", GivenZones.Osce()));

        zone.Zone.RecentDeclarations.Select(w => w.Status).ShouldBe([WithdrawalStatus.Observed, WithdrawalStatus.Contradicted]);
        var standing = zone.Details.Standing.ShouldHaveSingleItem();
        (standing.Party, standing.WeaponClass, standing.DeclaredDepthKm, standing.Status, standing.RequiredDepthKm, standing.DeclarationEventId)
            .ShouldBe(("Syria", "Heavy Weapons", 12m, WithdrawalStatus.Contradicted, (decimal?)10, second));
        standing.LatestAssessment.ShouldBe(new Assessment(contradicted, WithdrawalStatus.Contradicted, "OSCE", "back at the line", GivenZones.Osce().Occurred));
        standing.DeclaredDepthMeetsRule.ShouldBe(true);
        zone.Details.DeclarationCount.ShouldBe(2);

        zone.Add(new ZoneRulesChanged(Id, [new WeaponRule("heavy weapons", 20)], GivenZones.Osce()));
        zone.Details.Standing.Single().DeclaredDepthMeetsRule.ShouldBe(false);
    }

    [Fact]
    public void Violations_keep_their_latest_ruling()
    {
        var zone = Defined();
        var report = Guid.CreateVersion7();
        zone = Applying(zone, GivenZones.Violation(1).Decide(zone), report);
        zone.RecentReports.Single().Status.ShouldBe(ViolationStatus.Reported);

        zone = Applying(zone, GivenZones.Ruling(report, zone.Version).Decide(zone, ViolationStatus.Verified));
        zone = Applying(zone, GivenZones.Ruling(report, zone.Version, "Syria").Decide(zone, ViolationStatus.Disputed));

        zone.RecentReports.Single().Status.ShouldBe(ViolationStatus.Disputed);
        zone.RecentReports.Single().LatestRuling!.By.ShouldBe("Syria");
    }

    [Fact]
    public void The_details_keep_the_latest_violation_reports_by_date_and_count_them_all()
    {
        var zone = new History();
        var reports = Enumerable.Range(1, 14).Select(day => zone.Add(new ViolationReported(Id, "Syria", null, "Quneitra", $"incursion {day}",
            Given.Reported(new DateOnly(2025, 10, day * 5 % 14 + 1))))).ToList();
        var ruling = zone.Add(new ViolationVerified(Id, reports[10], "UNDOF", null, GivenZones.Osce())); // of 14 October
        zone.Add(new ViolationDisputed(Id, reports[2], "Syria", null, GivenZones.Osce())); // of 2 October: not among the latest

        var details = zone.Details;
        details.ViolationCount.ShouldBe(14);
        details.LatestViolations.Select(v => v.Occurred.From.Day).ShouldBe([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
        details.LatestViolations[^1].LatestRuling.ShouldBe(new Ruling(ruling, ViolationStatus.Verified, "UNDOF", null, GivenZones.Osce().Occurred));
        details.LatestViolations.Count(v => v.Status == ViolationStatus.Verified).ShouldBe(1);
        details.LatestViolations.Count(v => v.Status == ViolationStatus.Disputed).ShouldBe(0);
    }

    [Fact]
    public void A_retracted_assessment_falls_back_to_the_one_before_and_a_retracted_declaration_takes_its_assessments_with_it()
    {
        var zone = new History();
        var declaration = zone.Add(Withdrew(10));
        zone.Add(new WithdrawalObserved(Id, declaration, "OSCE", null, GivenZones.Osce()));
        var contradicted = zone.Add(new WithdrawalContradicted(Id, declaration, "OSCE", null, GivenZones.Osce()));

        zone.Retract(contradicted, "withdrawal_contradicted");
        zone.Details.Standing.Single().Status.ShouldBe(WithdrawalStatus.Observed);
        zone.Zone.DeclarationNamed(declaration)!.Status.ShouldBe(WithdrawalStatus.Observed);

        zone.Retract(declaration, "withdrawal_declared");
        zone.Zone.RecentDeclarations.ShouldBeEmpty();
        zone.Zone.RetractedEventIds.ShouldContain(declaration);
        zone.Details.Standing.ShouldBeEmpty();
        zone.Details.DeclarationCount.ShouldBe(0);

        zone.Retract(DefinitionEvent, "zone_defined");
        zone.Zone.Retracted.ShouldBeTrue();
        zone.Details.Retracted.ShouldBeTrue();
    }

    [Fact]
    public void A_retracted_declaration_gives_the_standing_back_to_the_one_before_with_its_findings()
    {
        var zone = new History();
        var first = zone.Add(Withdrew(8));
        var verified = zone.Add(new WithdrawalVerified(Id, first, "OSCE", null, GivenZones.Osce()));
        var second = zone.Add(Withdrew(12));

        zone.Details.Standing.Single().DeclarationEventId.ShouldBe(second);
        zone.Retract(second, "withdrawal_declared");

        var standing = zone.Details.Standing.ShouldHaveSingleItem();
        (standing.DeclarationEventId, standing.DeclaredDepthKm, standing.Status, standing.LatestAssessment!.EventId)
            .ShouldBe((first, 8m, WithdrawalStatus.Verified, verified));
        zone.Details.Version.ShouldBe(5);
    }

    [Fact]
    public void A_corrected_declaration_takes_the_replacement_details_and_keeps_its_assessments()
    {
        var zone = new History();
        var declaration = zone.Add(Withdrew(10));
        var verified = zone.Add(new WithdrawalVerified(Id, declaration, "OSCE", null, GivenZones.Osce()));

        var replacement = zone.Correct(declaration, "withdrawal_declared",
            new WithdrawalDeclared(Id, "Syria", "heavy weapons", 8, "southern areas", GivenZones.AnonymousMilitarySource()));

        var withdrawal = zone.Zone.RecentDeclarations.ShouldHaveSingleItem();
        (withdrawal.EventId, withdrawal.DepthKm, withdrawal.Status).ShouldBe((replacement, 8m, WithdrawalStatus.Verified));
        withdrawal.EarlierEventIds.ShouldBe([declaration]);
        // Assessments may still name the original: it is the same withdrawal.
        zone.Zone.DeclarationNamed(declaration)!.EventId.ShouldBe(replacement);
        var standing = zone.Details.Standing.ShouldHaveSingleItem();
        (standing.DeclarationEventId, standing.DeclaredDepthKm, standing.LatestAssessment!.EventId).ShouldBe((replacement, 8m, verified));
        standing.EarlierEventIds.ShouldBe([declaration]);
        standing.DeclaredDepthMeetsRule.ShouldBe(false);

        // Later findings may name either id.
        var contradicted = zone.Add(new WithdrawalContradicted(Id, declaration, "OSCE", "back at the line", GivenZones.Osce()));
        zone.Details.Standing.Single().LatestAssessment!.EventId.ShouldBe(contradicted);
        zone.Zone.DeclarationNamed(replacement)!.Status.ShouldBe(WithdrawalStatus.Contradicted);
    }

    [Fact]
    public void A_corrected_assessment_or_rule_change_is_replaced_by_what_follows_it()
    {
        var zone = new History();
        var declaration = zone.Add(Withdrew(10));
        var verified = zone.Add(new WithdrawalVerified(Id, declaration, "OSCE", null, GivenZones.Osce()));
        var rules = zone.Add(new ZoneRulesChanged(Id, [new WeaponRule("heavy weapons", 20)], GivenZones.Osce()));

        var observed = zone.Correct(verified, "withdrawal_verified", new WithdrawalObserved(Id, declaration, "OSCE", null, GivenZones.Osce()));
        var fifteen = zone.Correct(rules, "zone_rules_changed", new ZoneRulesChanged(Id, [new WeaponRule("heavy weapons", 15)], GivenZones.Osce()));

        zone.Zone.DeclarationNamed(declaration)!.LatestAssessment!.EventId.ShouldBe(observed);
        zone.Details.Standing.Single().Status.ShouldBe(WithdrawalStatus.Observed);
        zone.Zone.Rules.ShouldBe([new WeaponRule("heavy weapons", 15)]);
        (zone.Details.RulesEventId, zone.Details.Standing.Single().RequiredDepthKm).ShouldBe((fifteen, (decimal?)15));

        zone.Retract(fifteen, "zone_rules_changed");
        zone.Zone.Rules.ShouldBe([new WeaponRule("heavy weapons", 10)]);
        (zone.Details.RulesEventId, zone.Details.Standing.Single().RequiredDepthKm).ShouldBe((DefinitionEvent, (decimal?)10));
    }

    [Fact]
    public void A_corrected_violation_report_keeps_its_rulings()
    {
        var zone = new History();
        var report = zone.Add(new ViolationReported(Id, "Syria", "tanks", "south of Damascus", "Tanks 6 km from the line", GivenZones.Osce()));
        var disputed = zone.Add(new ViolationDisputed(Id, report, "Syria", "no tanks there", GivenZones.Osce()));
        var replacement = zone.Correct(report, "violation_reported",
            new ViolationReported(Id, "Syria", "tanks", "Quneitra", "Tanks 6 km from the line", GivenZones.Osce()));

        var violation = zone.Zone.RecentReports.ShouldHaveSingleItem();
        (violation.EventId, violation.Place, violation.Status).ShouldBe((replacement, "Quneitra", ViolationStatus.Disputed));
        var shown = zone.Details.LatestViolations.ShouldHaveSingleItem();
        (shown.EventId, shown.EarlierEventIds.Single(), shown.Place, shown.LatestRuling!.EventId).ShouldBe((replacement, report, "Quneitra", disputed));
        zone.Zone.ReportNamed(report)!.EventId.ShouldBe(replacement);

        zone.Retract(replacement, "violation_reported");
        zone.Zone.RecentReports.ShouldBeEmpty();
        zone.Zone.RetractedEventIds.ShouldBe([replacement, report]);
        (zone.Details.LatestViolations.Count, zone.Details.ViolationCount).ShouldBe((0, 0));
    }

    [Fact]
    public void Events_of_other_streams_create_no_zone()
    {
        Zone.Fold(null, new DevelopmentRetracted(Guid.CreateVersion7(), "x", "probe").AsEvent()).ShouldBeNull();
    }

    [Fact]
    public void Resending_a_satisfied_command_decides_nothing()
    {
        var (zone, declaration) = Declared();
        GivenZones.SyriaWithdrew(zone.Version).Decide(zone).ShouldBeEmpty();
        (GivenZones.SyriaWithdrew(zone.Version) with { Party = " syria ", Area = "Southern Areas" }).Decide(zone).ShouldBeEmpty();
        GivenZones.SyriaWithdrew(zone.Version, 12).Decide(zone).ShouldHaveSingleItem();
        new ChangeZoneRules([new WeaponRule(" heavy weapons", 10)], GivenZones.Osce(), zone.Version).Decide(zone).ShouldBeEmpty();

        zone = Applying(zone, GivenZones.Assessment(declaration, zone.Version, "seen").Decide(zone, WithdrawalStatus.Verified));
        GivenZones.Assessment(declaration, zone.Version, " seen ").Decide(zone, WithdrawalStatus.Verified).ShouldBeEmpty();
        GivenZones.Assessment(declaration, zone.Version, "seen").Decide(zone, WithdrawalStatus.Contradicted).ShouldHaveSingleItem();
        GivenZones.Assessment(declaration, zone.Version, "seen", Given.September15.AddDays(7)).Decide(zone, WithdrawalStatus.Verified)
            .ShouldHaveSingleItem(); // verified again a week later is news

        var report = Guid.CreateVersion7();
        zone = Applying(zone, GivenZones.Violation(zone.Version).Decide(zone), report);
        GivenZones.Violation(zone.Version).Decide(zone).ShouldBeEmpty();
        zone = Applying(zone, GivenZones.Ruling(report, zone.Version).Decide(zone, ViolationStatus.Verified));
        GivenZones.Ruling(report, zone.Version).Decide(zone, ViolationStatus.Verified).ShouldBeEmpty();
        GivenZones.Ruling(report, zone.Version).Decide(zone, ViolationStatus.Disputed).ShouldHaveSingleItem();
    }

    [Fact]
    public void Each_finding_is_its_own_kind_of_development()
    {
        var (zone, declaration) = Declared();
        var command = GivenZones.Assessment(declaration, zone.Version);

        command.Decide(zone, WithdrawalStatus.Observed).Single().ShouldBeOfType<WithdrawalObserved>();
        command.Decide(zone, WithdrawalStatus.Verified).Single().ShouldBeOfType<WithdrawalVerified>();
        command.Decide(zone, WithdrawalStatus.Unverifiable).Single().ShouldBeOfType<WithdrawalFoundUnverifiable>();
        command.Decide(zone, WithdrawalStatus.Contradicted).Single().ShouldBe(
            new WithdrawalContradicted(Id, declaration, "OSCE Special Monitoring Mission", null, command.Provenance));
    }

    [Fact]
    public void An_assessment_must_name_a_standing_declaration_of_this_zone()
    {
        var (zone, declaration) = Declared();
        var stranger = Guid.CreateVersion7();
        IEvent Event(object data, Guid stream) { var e = data.AsEvent(stranger); e.StreamId = stream; return e; }

        GivenZones.Assessment(declaration, zone.Version).Allowed(zone, null).ShouldBeSameAs(WolverineContinue.NoProblems);
        GivenZones.Assessment(stranger, zone.Version).Allowed(zone, null).Status.ShouldBe(404);

        var otherZone = Event(new WithdrawalDeclared(Guid.CreateVersion7(), "Syria", "tanks", 5, null, GivenZones.Osce()), Guid.CreateVersion7());
        GivenZones.Assessment(stranger, zone.Version).Allowed(zone, otherZone).ShouldBe422("not a withdrawal declaration of this zone");

        var notADeclaration = Event(new ZoneRulesChanged(Id, [], GivenZones.Osce()), Id);
        GivenZones.Assessment(stranger, zone.Version).Allowed(zone, notADeclaration).ShouldBe422("is not a withdrawal declaration;");

        // One of this zone's declarations beyond the latest the zone keeps, read by its id: it stands unless retracted.
        var older = Event(new WithdrawalDeclared(Id, "Syria", "tanks", 5, null, GivenZones.Osce()), Id);
        GivenZones.Assessment(stranger, zone.Version).Allowed(zone, older).ShouldBeSameAs(WolverineContinue.NoProblems);
        var withdrawn = zone with { RetractedEventIds = [stranger] };
        GivenZones.Assessment(stranger, zone.Version).Allowed(withdrawn, older).ShouldBe422("was retracted");

        GivenZones.Assessment(stranger, zone.Version - 1).Allowed(zone, null).Status.ShouldBe(409);
    }

    [Fact]
    public void A_declaration_beyond_the_latest_kept_is_decided_on_from_the_event_and_what_retractions_took_out()
    {
        var zone = new History();
        var old = zone.Add(Withdrew(10, on: new DateOnly(2024, 1, 1)));
        var corrected = zone.Add(Withdrew(11, "Israel"));
        var replacement = zone.Correct(corrected, "withdrawal_declared", Withdrew(12, "Israel"));
        var retracted = zone.Add(Withdrew(13, "Jordan"));
        var taken = zone.Correct(retracted, "withdrawal_declared", Withdrew(14, "Jordan"));
        zone.Retract(taken, "withdrawal_declared");
        for (var i = 0; i < Zone.Recent; i++) zone.Add(Withdrew(20, $"party {i}"));

        var state = zone.Zone;
        state.RecentDeclarations.Count.ShouldBe(Zone.Recent);
        foreach (var id in new[] { old, corrected, replacement, retracted, taken }) state.DeclarationNamed(id).ShouldBeNull();
        IEvent Named(Guid id) { var e = Withdrew(10).AsEvent(id); e.StreamId = Id; return e; }

        GivenZones.Assessment(old, state.Version).Allowed(state, Named(old)).ShouldBeSameAs(WolverineContinue.NoProblems);
        GivenZones.Assessment(corrected, state.Version).Allowed(state, Named(corrected)).ShouldBeSameAs(WolverineContinue.NoProblems);
        GivenZones.Assessment(replacement, state.Version).Allowed(state, Named(replacement)).ShouldBeSameAs(WolverineContinue.NoProblems);
        // The retracted replacement took the declaration it corrected with it: neither may be assessed.
        GivenZones.Assessment(retracted, state.Version).Allowed(state, Named(retracted)).ShouldBe422("was retracted");
        GivenZones.Assessment(taken, state.Version).Allowed(state, Named(taken)).ShouldBe422("was retracted");
        // Nothing is known of an older declaration's findings: an assessment of it is logged.
        GivenZones.Assessment(old, state.Version).Decide(state, WithdrawalStatus.Verified).ShouldHaveSingleItem();

        // The details still show Israel's corrected declaration, and a finding that names its earlier id.
        zone.Add(new WithdrawalVerified(Id, corrected, "OSCE", null, GivenZones.Osce()));
        zone.Details.Standing.Single(s => s.Party == "Israel").Status.ShouldBe(WithdrawalStatus.Verified);
        zone.Details.Standing.ShouldNotContain(s => s.Party == "Jordan");
    }

    [Fact]
    public void The_write_model_does_not_grow_with_the_assessments_of_a_declaration_nor_with_the_number_of_declarations()
    {
        var (zone, declaration) = Declared();
        // Every entry the same length (enums as numbers, notes and names of one width): any growth shows.
        int Size(Zone z) => System.Text.Json.JsonSerializer.Serialize(z with { Version = 0 }).Length;
        WithdrawalStatus[] findings = [WithdrawalStatus.Observed, WithdrawalStatus.Verified, WithdrawalStatus.Contradicted];

        zone = Applying(zone, GivenZones.Assessment(declaration, zone.Version, "note 0000").Decide(zone, WithdrawalStatus.Verified));
        var assessedOnce = Size(zone);
        for (var i = 1; i <= 1000; i++)
            zone = Applying(zone, GivenZones.Assessment(declaration, zone.Version, $"note {i:0000}").Decide(zone, findings[i % 3]));

        zone.Version.ShouldBe(1003);
        Size(zone).ShouldBe(assessedOnce);

        DeclareWithdrawal By(int party) => GivenZones.SyriaWithdrew(zone.Version) with { Party = $"party {party:0000}" };
        for (var i = 0; i < Zone.Recent; i++) zone = Applying(zone, By(i).Decide(zone));
        var windowFull = Size(zone);
        for (var i = Zone.Recent; i < 3000; i++) zone = Applying(zone, By(i).Decide(zone));

        zone.Version.ShouldBe(4003);
        Size(zone).ShouldBe(windowFull);
    }

    [Fact]
    public void A_ruling_must_name_a_standing_violation_report_of_this_zone()
    {
        var zone = Defined();
        var report = Guid.CreateVersion7();
        zone = Applying(zone, GivenZones.Violation(1).Decide(zone), report);
        var declaration = new WithdrawalDeclared(Id, "Syria", "tanks", 5, null, GivenZones.Osce()).AsEvent();
        declaration.StreamId = Id;

        GivenZones.Ruling(report, zone.Version).Allowed(zone, null).ShouldBeSameAs(WolverineContinue.NoProblems);
        GivenZones.Ruling(declaration.Id, zone.Version).Allowed(zone, declaration).ShouldBe422("is not a violation report");
        GivenZones.Ruling(Guid.CreateVersion7(), zone.Version).Allowed(zone, null).Status.ShouldBe(404);
        GivenZones.Ruling(report, 1).Allowed(zone, null).Status.ShouldBe(409);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(-3, false)]
    [InlineData(0.5, true)]
    [InlineData(1000, true)]
    [InlineData(1000.1, false)]
    public void A_declared_depth_is_more_than_0_and_at_most_1000_km(double km, bool valid)
    {
        var problems = (GivenZones.SyriaWithdrew(1, (decimal)km)).Validate();

        if (valid) problems.ShouldBeSameAs(WolverineContinue.NoProblems);
        else ((ValidationProblemDetails)problems).Errors.Keys.ShouldBe(["depthKm"]);
    }

    [Fact]
    public void Validation_names_every_bad_field()
    {
        var define = GivenZones.SouthernZone() with
        {
            Name = " ",
            Reference = "",
            Kind = (ZoneKind)42,
            UnderstandingIds = [Guid.Empty],
            ZoneId = Guid.Empty,
            Rules =
            [
                new WeaponRule("", -1, 1001),
                new WeaponRule("tanks", 10, 5),
                new WeaponRule("Tanks", 10),
                null!
            ],
            Provenance = Given.Reported() with { Sources = [] }
        };

        ((ValidationProblemDetails)define.Validate()).Errors.Keys.ShouldBe(
        [
            "name", "reference", "kind", "understandingIds[0]", "zoneId", "rules[0].weaponClass", "rules[0].minimumDepthKm",
            "rules[0].maximumDepthKm", "rules[1].maximumDepthKm", "rules[3]", "rules", "provenance.sources"
        ], ignoreOrder: true);

        ((ValidationProblemDetails)new ChangeZoneRules(null!, GivenZones.Osce(), 0).Validate()).Errors.Keys.ShouldBe(["rules", "version"], ignoreOrder: true);
        ((ValidationProblemDetails)new DeclareWithdrawal(" ", "", 0, null, null!, 1).Validate()).Errors.Keys.ShouldBe(
            ["party", "weaponClass", "depthKm", "provenance"], ignoreOrder: true);
        ((ValidationProblemDetails)new AssessWithdrawal(Guid.Empty, "", new string('x', 2001), GivenZones.Osce(), 1).Validate()).Errors.Keys.ShouldBe(
            ["declarationEventId", "monitor", "note"], ignoreOrder: true);
        ((ValidationProblemDetails)new ReportZoneViolation("", null, "", "", GivenZones.Osce(), 1).Validate()).Errors.Keys.ShouldBe(
            ["partyAccused", "place", "description"], ignoreOrder: true);
        ((ValidationProblemDetails)new RuleOnViolation(Guid.Empty, "", null, GivenZones.Osce(), 1).Validate()).Errors.Keys.ShouldBe(
            ["reportEventId", "by"], ignoreOrder: true);
    }
}

internal static class ProblemAssertions
{
    public static void ShouldBe422(this ProblemDetails problem, string reason)
    {
        problem.Status.ShouldBe(422, problem.Detail);
        problem.Detail!.ShouldContain(reason);
    }
}
