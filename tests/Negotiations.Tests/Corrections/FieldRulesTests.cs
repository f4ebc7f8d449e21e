using Negotiations.Incidents;
using Negotiations.Appointments;
using Negotiations.Casualties;
using Negotiations.Commitments;
using Negotiations.Mechanisms;
using Negotiations.Rounds;
using Negotiations.Kernel;
using Negotiations.Statements;
using Negotiations.Tests.Support;
using Negotiations.Tests.Zones;
using Negotiations.Understandings;
using Negotiations.Zones;
using Microsoft.AspNetCore.Mvc;

namespace Negotiations.Tests.Corrections;

/// <summary>The field rules of each kind of development are stated once, on the event, and used by its command and by a correction alike.</summary>
public class FieldRulesTests
{
    private static readonly Guid Id = Guid.Parse("0199f000-0000-7000-8000-000000000002");

    /// <summary>Developments that only ever open their stream: a correction cannot replace them (it retracts them instead).</summary>
    private static readonly Type[] OpenStreams =
    [
        typeof(UnderstandingProposed), typeof(RoundScheduled), typeof(HeldRoundReported), typeof(StatementMade),
        typeof(ZoneDefined), typeof(MechanismEstablished), typeof(CommitmentMade), typeof(CasualtyClaimPublished), typeof(IncidentReported)
    ];

    private static IDictionary<string, string[]> Errors(ProblemDetails problems) =>
        problems.ShouldBeOfType<ValidationProblemDetails>().Errors;

    [Fact]
    public void Every_development_a_correction_can_replace_states_its_field_rules()
    {
        var developments = typeof(IDevelopment).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDevelopment).IsAssignableFrom(t)).ToList();

        developments.Count.ShouldBeGreaterThan(30);
        developments.Except(OpenStreams).Where(t => !typeof(IFieldRules).IsAssignableFrom(t)).ShouldBeEmpty();
    }

    [Fact]
    public void Rules_name_the_fields_where_the_development_sits()
    {
        var declared = new WithdrawalDeclared(Id, " ", "heavy weapons", -5, null, GivenZones.AnonymousMilitarySource());

        var problems = new Problems();
        declared.CheckFields(problems.Within("replacement"));

        Errors(problems.Result()).Keys.ShouldBe(["replacement.party", "replacement.depthKm"], ignoreOrder: true);
        Errors(declared.CheckFields(new Problems()).Result()).Keys.ShouldBe(["party", "depthKm"], ignoreOrder: true);
    }

    [Fact]
    public void The_command_and_the_correction_say_the_same_about_the_same_field()
    {
        var command = GivenZones.SyriaWithdrew(1, km: -5).Validate();
        var replacement = new WithdrawalDeclared(Id, "Syria", "heavy weapons", -5, null, GivenZones.AnonymousMilitarySource()).CheckFields(new Problems()).Result();
        Errors(command)["depthKm"].ShouldBe(Errors(replacement)["depthKm"]);

        var assess = new AssessImplementation(7, "x", [Id], Given.Reported(), 1).Validate();
        var assessed = new ImplementationAssessed(Id, 7, "x", [Id], Given.Reported()).CheckFields(new Problems()).Result();
        Errors(assess)["level"].ShouldBe(Errors(assessed)["level"]);

        var revise = new ReviseCasualtyClaim("SOHR", new CasualtyFigures(10, 5, 20), null, null, Given.Reported(), 1).Validate();
        var revised = new CasualtyClaimRevised(Id, new CasualtyFigures(10, 5, 20), [], null, Given.Reported()).CheckFields(new Problems()).Result();
        Errors(revise)["figures.low"].ShouldBe(Errors(revised)["figures.low"]);
    }

    [Fact]
    public void Lists_a_command_may_leave_out_are_required_of_the_event()
    {
        Errors(new RoundHeld(Id, "Talks concluded", null!, Given.Reported()).CheckFields(new Problems()).Result()).Keys.ShouldBe(["agreed"]);
        Errors(new CasualtyClaimRevised(Id, new CasualtyFigures(1, 2, 3), null!, null, Given.Reported()).CheckFields(new Problems()).Result())
            .Keys.ShouldBe(["breakdown"]);
        new HoldRound("Talks concluded", Given.Reported(), 1).Validate().ShouldNotBeOfType<ValidationProblemDetails>();
    }

    [Fact]
    public void A_corrected_appointment_names_its_own_office_and_a_corrected_departure_keeps_who_left()
    {
        var office = OfficeIds.For("Internal security chief", "Sweida province");
        var appointed = new OfficialAppointed(office, "A", "Internal security chief", "Sweida province", "Government", null, true, [], Given.Reported());
        appointed.CheckFields(new Problems()).Any.ShouldBeFalse();
        Errors((appointed with { Jurisdiction = "Daraa province" }).CheckFields(new Problems()).Result()).Keys.ShouldBe(["office"]);

        var dismissed = new OfficialDismissed(office, "Suleiman Abdel Baqi", "Ministry", null, Given.Reported());
        dismissed.CheckKept(dismissed with { Person = " SULEIMAN abdel baqi" }, new Problems()).Any.ShouldBeFalse();
        Errors(dismissed.CheckKept(dismissed with { Person = "Someone Else" }, new Problems()).Result())["person"].Single().ShouldBe(Departures.KeepsWhoLeft);
        var resigned = new OfficialResigned(office, "A", null, Given.Reported());
        resigned.CheckKept(resigned with { Person = "B" }, new Problems()).Any.ShouldBeTrue();
        // Other developments keep nothing besides their ids.
        ((IFieldRules)new MechanismMemberLeft(Id, "Jordan", null, Given.Reported())).CheckKept(new MechanismMemberLeft(Id, "Egypt", null, Given.Reported()), new Problems())
            .Any.ShouldBeFalse();
    }
}
