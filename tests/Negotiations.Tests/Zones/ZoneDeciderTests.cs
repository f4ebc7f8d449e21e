using Microsoft.AspNetCore.Mvc;
using Negotiations.Corrections;
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

    [Fact]
    public void A_definition_starts_a_zone_with_its_rules_and_links()
    {
        var understanding = Guid.CreateVersion7();
        var command = GivenZones.SouthernZone(understandings: [understanding, understanding]) with
        {
            Name = "  Southern zone ", Rules = [new WeaponRule(" heavy weapons ", 10, null, " ")]
        };

        var zone = Zone.Fold(null, command.Decide(Id).AsEvent())!;

        zone.Id.ShouldBe(Id);
        zone.Name.ShouldBe("Southern zone");
        zone.Kind.ShouldBe(ZoneKind.DemilitarisedZone);
        zone.Reference.ShouldBe("Damascus / southern Syria");
        zone.UnderstandingIds.ShouldBe([understanding]);
        zone.Rules.ShouldBe([new WeaponRule("heavy weapons", 10)]);
        zone.Withdrawals.ShouldBeEmpty();
        zone.Version.ShouldBe(1);
    }

    [Fact]
    public void Minsk_lines_and_1974_bands_fit_without_new_kinds_of_rule()
    {
        GivenZones.MinskLines().Validate().ShouldBeSameAs(WolverineContinue.NoProblems);
        GivenZones.LimitationBands().Validate().ShouldBeSameAs(WolverineContinue.NoProblems);

        var minsk = Zone.Fold(null, GivenZones.MinskLines().Decide(Id).AsEvent())!;
        minsk = Then(minsk, new WithdrawalDeclared(Id, "Ukraine", "Artillery >= 100 mm", 50, "Donetsk sector", GivenZones.Osce()));
        minsk = Then(minsk, new WithdrawalDeclared(Id, "Ukraine", "multiple rocket launchers", 40, null, GivenZones.Osce()));
        minsk.Standing.Select(s => (s.WeaponClass, s.RequiredDepthKm, s.DeclaredDepthMeetsRule)).ShouldBe(
            [("Artillery >= 100 mm", 50m, true), ("multiple rocket launchers", 70m, false)]);

        var bands = Zone.Fold(null, GivenZones.LimitationBands().Decide(Id).AsEvent())!;
        bands = Then(bands, new WithdrawalDeclared(Id, "Syria", "tanks", 12, null, GivenZones.Osce()));
        bands.Rules.Count(r => r.WeaponClass == "tanks").ShouldBe(2);
        bands.Standing.Single().RequiredDepthKm.ShouldBeNull(); // bands limit numbers; they require no withdrawal
        bands.Standing.Single().DeclaredDepthMeetsRule.ShouldBeNull();
    }

    [Fact]
    public void The_fold_keeps_per_party_and_weapon_class_the_latest_declaration_and_finding()
    {
        var (zone, first) = Declared(8);
        var second = Guid.CreateVersion7();
        zone = Then(zone, new WithdrawalDeclared(Id, "Syria", "Heavy Weapons", 12, "southern areas", GivenZones.Osce()), second);
        zone = Then(zone, new WithdrawalObserved(Id, first, "OSCE", null, GivenZones.Osce()));
        zone = Then(zone, new WithdrawalVerified(Id, second, "OSCE", "seen in depots", GivenZones.Osce()));
        zone = Then(zone, new WithdrawalContradicted(Id, second, "OSCE", "back at the line", GivenZones.Osce()));

        zone.Withdrawals.Select(w => w.Status).ShouldBe([WithdrawalStatus.Observed, WithdrawalStatus.Contradicted]);
        var standing = zone.Standing.ShouldHaveSingleItem();
        standing.ShouldBe(new WithdrawalStanding("Syria", "Heavy Weapons", 12, WithdrawalStatus.Contradicted, 10, second));
        standing.DeclaredDepthMeetsRule.ShouldBe(true);
    }

    [Fact]
    public void Violations_keep_their_latest_ruling()
    {
        var zone = Defined();
        var report = Guid.CreateVersion7();
        zone = Applying(zone, GivenZones.Violation(1).Decide(zone), report);
        zone.Violations.Single().Status.ShouldBe(ViolationStatus.Reported);

        zone = Applying(zone, GivenZones.Ruling(report, zone.Version).Decide(zone, ViolationStatus.Verified));
        zone = Applying(zone, GivenZones.Ruling(report, zone.Version, "Syria").Decide(zone, ViolationStatus.Disputed));

        zone.Violations.Single().Status.ShouldBe(ViolationStatus.Disputed);
        zone.Violations.Single().Rulings.Select(r => r.Value.By).ShouldBe(["OSCE Special Monitoring Mission", "Syria"]);
    }

    [Fact]
    public void A_retracted_assessment_falls_back_to_the_one_before_and_a_retracted_declaration_takes_its_assessments_with_it()
    {
        var (zone, declaration) = Declared();
        Guid observed = Guid.CreateVersion7(), contradicted = Guid.CreateVersion7();
        zone = Then(zone, new WithdrawalObserved(Id, declaration, "OSCE", null, GivenZones.Osce()), observed);
        zone = Then(zone, new WithdrawalContradicted(Id, declaration, "OSCE", null, GivenZones.Osce()), contradicted);

        Then(zone, new DevelopmentRetracted(contradicted, "withdrawal_contradicted", "misread")).Withdrawals.Single().Status
            .ShouldBe(WithdrawalStatus.Observed);
        var withoutDeclaration = Then(zone, new DevelopmentRetracted(declaration, "withdrawal_declared", "never said"));
        withoutDeclaration.Withdrawals.ShouldBeEmpty();
        withoutDeclaration.Standing.ShouldBeEmpty();
        Then(zone, new DevelopmentRetracted(DefinitionEvent, "zone_defined", "no such zone")).Retracted.ShouldBeTrue();
    }

    [Fact]
    public void A_corrected_declaration_takes_the_replacement_details_and_keeps_its_assessments()
    {
        var (zone, declaration) = Declared(10);
        zone = Then(zone, new WithdrawalVerified(Id, declaration, "OSCE", null, GivenZones.Osce()));
        var replacement = Guid.CreateVersion7();

        zone = Then(zone, new DevelopmentCorrected(declaration, "withdrawal_declared", "it was 8 km"));
        zone = Then(zone, new WithdrawalDeclared(Id, "Syria", "heavy weapons", 8, "southern areas", GivenZones.AnonymousMilitarySource()), replacement);

        var withdrawal = zone.Withdrawals.ShouldHaveSingleItem();
        withdrawal.DepthKm.ShouldBe(8);
        withdrawal.EventId.ShouldBe(replacement);
        withdrawal.EarlierEventIds.ShouldBe([declaration]);
        withdrawal.Status.ShouldBe(WithdrawalStatus.Verified);
        zone.Replacing.ShouldBeNull();
        zone.Standing.Single().DeclaredDepthMeetsRule.ShouldBe(false);
        // Assessments may still name the original: it is the same withdrawal.
        zone.DeclarationNamed(declaration).ShouldBeSameAs(withdrawal);
    }

    [Fact]
    public void A_corrected_assessment_or_rule_change_is_replaced_by_what_follows_it()
    {
        var (zone, declaration) = Declared();
        Guid verified = Guid.CreateVersion7(), rules = Guid.CreateVersion7();
        zone = Then(zone, new WithdrawalVerified(Id, declaration, "OSCE", null, GivenZones.Osce()), verified);
        zone = Then(zone, new ZoneRulesChanged(Id, [new WeaponRule("heavy weapons", 20)], GivenZones.Osce()), rules);

        zone = Then(zone, new DevelopmentCorrected(verified, "withdrawal_verified", "only observed"));
        zone = Then(zone, new WithdrawalObserved(Id, declaration, "OSCE", null, GivenZones.Osce()));
        zone = Then(zone, new DevelopmentCorrected(rules, "zone_rules_changed", "15 km"));
        zone = Then(zone, new ZoneRulesChanged(Id, [new WeaponRule("heavy weapons", 15)], GivenZones.Osce()));

        zone.Withdrawals.Single().Assessments.Select(a => a.Value.Finding).ShouldBe([WithdrawalStatus.Observed]);
        zone.Rules.ShouldBe([new WeaponRule("heavy weapons", 15)]);
        Then(zone, new DevelopmentRetracted(zone.RuleSets[^1].EventId, "zone_rules_changed", "not agreed")).Rules
            .ShouldBe([new WeaponRule("heavy weapons", 10)]);
    }

    [Fact]
    public void A_corrected_violation_report_keeps_its_rulings()
    {
        var zone = Defined();
        Guid report = Guid.CreateVersion7(), replacement = Guid.CreateVersion7();
        zone = Applying(zone, GivenZones.Violation(1).Decide(zone), report);
        zone = Then(zone, new ViolationDisputed(Id, report, "Syria", "no tanks there", GivenZones.Osce()));
        zone = Then(zone, new DevelopmentCorrected(report, "violation_reported", "place"));
        zone = Then(zone, new ViolationReported(Id, "Syria", "tanks", "Quneitra", "Tanks 6 km from the line", GivenZones.Osce()), replacement);

        var violation = zone.Violations.ShouldHaveSingleItem();
        (violation.EventId, violation.Place, violation.Status).ShouldBe((replacement, "Quneitra", ViolationStatus.Disputed));
        Then(zone, new DevelopmentRetracted(replacement, "violation_reported", "invented")).Violations.ShouldBeEmpty();
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

        var retracted = Event(new WithdrawalDeclared(Id, "Syria", "tanks", 5, null, GivenZones.Osce()), Id);
        GivenZones.Assessment(stranger, zone.Version).Allowed(zone, retracted).ShouldBe422("was retracted");

        GivenZones.Assessment(stranger, zone.Version - 1).Allowed(zone, null).Status.ShouldBe(409);
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
            "name", "reference", "kind", "understandingIds", "zoneId", "rules[0].weaponClass", "rules[0].minimumDepthKm",
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
