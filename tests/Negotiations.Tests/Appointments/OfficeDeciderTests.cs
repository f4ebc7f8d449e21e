using Negotiations.Appointments;
using Negotiations.Kernel;
using Negotiations.Tests.Support;
using Wolverine.Http;
using IEvent = JasperFx.Events.IEvent;

namespace Negotiations.Tests.Appointments;

/// <summary>Events in, state out; command and state in, events out. No database.</summary>
public class OfficeDeciderTests
{
    private static readonly Guid FirstAppointment = Guid.Parse("0199c000-0000-7000-8000-0000000000e1");

    private static Office Appointed(string person = "Suleiman Abdel Baqi") =>
        Office.Fold(null, GivenOffices.SecurityChief(person: person).Decide(null).Single().AsEvent(FirstAppointment))!;

    private static Office Then(Office state, object data, Guid? eventId = null) => Office.Fold(state, data.AsEvent(eventId, state.Version + 1))!;

    [Fact]
    public void Office_ids_are_rfc_4122_version_5_uuids()
    {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org") and uuid.uuid5(uuid.NAMESPACE_URL, "urn:negotiations:offices")
        OfficeIds.NameBased(Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org").ShouldBe(Guid.Parse("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
        OfficeIds.NameBased(Guid.Parse("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "urn:negotiations:offices").ShouldBe(OfficeIds.Namespace);
    }

    [Fact]
    public void The_office_id_depends_only_on_the_normalised_office_and_jurisdiction()
    {
        OfficeIds.Name("  Internal   Security\tChief ", "SWEIDA province").ShouldBe("internal security chief|sweida province");
        OfficeIds.For("Internal security chief", "Sweida province").ShouldBe(OfficeIds.For(" internal SECURITY chief", "sweida  province "));
        OfficeIds.For("Internal security chief", "Sweida province").ShouldNotBe(OfficeIds.For("Internal security chief", "Daraa province"));
        // Python: uuid.uuid5(uuid.UUID("06e71b8c-c3dc-573e-977a-cd7108941395"), "internal security chief|sweida province")
        OfficeIds.For("Internal security chief", "Sweida province").ShouldBe(Guid.Parse("4e9a58cf-7b89-5772-897f-beb05fb77457"));
        OfficeIds.Name("Cafe\u0301 chief", "x").ShouldBe("caf\u00e9 chief|x");
    }

    [Fact]
    public void The_first_appointment_opens_the_office_with_its_holder_from_the_occurred_date()
    {
        var office = Appointed();

        office.Id.ShouldBe(OfficeIds.For("Internal security chief", "Sweida province"));
        office.Title.ShouldBe("Internal security chief");
        office.Jurisdiction.ShouldBe("Sweida province");
        var holder = office.Holders.ShouldHaveSingleItem();
        holder.Person.ShouldBe("Suleiman Abdel Baqi");
        holder.SingleHolder.ShouldBeTrue();
        holder.From.From.ShouldBe(GivenOffices.Appointed);
        holder.AppointmentEventId.ShouldBe(FirstAppointment);
        office.Version.ShouldBe(1);

        var details = OfficeDetails.Fold(null, GivenOffices.SecurityChief().Decide(null).Single().AsEvent(FirstAppointment))!;
        var tenure = details.Holders.ShouldHaveSingleItem();
        (tenure.Person, tenure.Affiliation, tenure.AppointedBy, tenure.To).ShouldBe(("Suleiman Abdel Baqi", "Druze", "Syrian government", null));
        details.FormerHolders.ShouldBeEmpty();
    }

    [Fact]
    public void A_second_holder_is_refused_naming_the_current_one_until_the_first_left()
    {
        var office = Appointed();
        var rival = GivenOffices.SecurityChief(person: "Someone Else", version: 1);

        var verdict = rival.Allowed(office);
        verdict.Status.ShouldBe(422);
        verdict.Detail!.ShouldContain("held by Suleiman Abdel Baqi");

        office = Then(office, GivenOffices.Resign("suleiman abdel baqi", 1).Decide(office).Single());
        (rival with { ExpectedVersion = 2 }).Allowed(office).ShouldBeSameAs(WolverineContinue.NoProblems);
        office = Then(office, (rival with { ExpectedVersion = 2 }).Decide(office).Single());

        office.Holders.Single().Person.ShouldBe("Someone Else");
        var former = office.LastDepartureOf("Suleiman Abdel Baqi")!;
        former.AppointmentEventId.ShouldBe(FirstAppointment);
        former.Kind.ShouldBe(DepartureKind.Resigned);
        former.On.From.ShouldBe(new DateOnly(2025, 12, 1));
    }

    [Fact]
    public void Offices_that_are_not_single_holder_take_several_holders()
    {
        var council = GivenOffices.SecurityChief(person: "A") with { Office = "Council member", SingleHolder = false };
        var office = Office.Fold(null, council.Decide(null).Single().AsEvent())!;

        var second = council with { Person = "B", ExpectedVersion = 1 };
        second.Allowed(office).ShouldBeSameAs(WolverineContinue.NoProblems);
        Then(office, second.Decide(office).Single()).Holders.Select(h => h.Person).ShouldBe(["A", "B"]);
        // A single-holder appointment cannot join them.
        (second with { SingleHolder = true }).Allowed(office).Status.ShouldBe(422);
    }

    [Fact]
    public void The_version_is_checked_before_the_domain()
    {
        GivenOffices.SecurityChief(version: null).Allowed(null).ShouldBeSameAs(WolverineContinue.NoProblems);
        GivenOffices.SecurityChief(version: 1).Allowed(null).Status.ShouldBe(409);
        GivenOffices.SecurityChief(version: null).Allowed(Appointed()).Status.ShouldBe(409);
        GivenOffices.SecurityChief(person: "Someone Else", version: 4).Allowed(Appointed()).Status.ShouldBe(409);
        GivenOffices.Dismiss("Nobody", 4).Allowed(Appointed()).Status.ShouldBe(409);
    }

    [Fact]
    public void Satisfied_commands_decide_nothing()
    {
        var office = Appointed();
        GivenOffices.SecurityChief(version: 1).Decide(office).ShouldBeEmpty();

        office = Then(office, GivenOffices.Dismiss("Suleiman Abdel Baqi", 1).Decide(office).Single());
        var again = GivenOffices.Dismiss("Suleiman Abdel Baqi", 2);
        again.Allowed(office).ShouldBeSameAs(WolverineContinue.NoProblems);
        again.Decide(office).ShouldBeEmpty();
        // Dismissed, so a resignation is not the same thing: refused with what happened.
        GivenOffices.Resign("Suleiman Abdel Baqi", 2).Allowed(office).Detail!.ShouldContain("dismissed on 2025-12-01");
    }

    [Fact]
    public void Someone_who_does_not_hold_the_office_cannot_leave_it_nor_leave_before_being_appointed()
    {
        var office = Appointed();
        GivenOffices.Dismiss("Someone Else", 1).Allowed(office).Detail.ShouldBe(
            "Someone Else does not hold Internal security chief (Sweida province); current holder: Suleiman Abdel Baqi.");
        GivenOffices.Resign("Suleiman Abdel Baqi", 1, new DateOnly(2025, 9, 1)).Allowed(office).Status.ShouldBe(422);
    }

    [Fact]
    public void A_retracted_or_corrected_appointment_or_departure_is_taken_back_in_the_stream_as_it_stands()
    {
        IEvent[] stream =
        [
            GivenOffices.SecurityChief().Decide(null).Single().AsEvent(FirstAppointment, 1),
            new OfficialDismissed(OfficeIds.For("Internal security chief", "Sweida province"), "Suleiman Abdel Baqi", "Ministry", null,
                GivenOffices.Government(new DateOnly(2025, 12, 1))).AsEvent(version: 2)
        ];
        var left = stream[1].Id;

        AsItStands.Fold<Office>([.. stream, new DevelopmentRetracted(left, "official_dismissed", "not dismissed").AsEvent(version: 3)])!
            .Holders.Single().Person.ShouldBe("Suleiman Abdel Baqi");
        AsItStands.Fold<Office>([.. stream, new DevelopmentCorrected(left, "official_dismissed", "other date").AsEvent(version: 3),
                GivenOffices.Dismiss("Suleiman Abdel Baqi", 3, new DateOnly(2025, 11, 30)).Decide(Appointed()).Single().AsEvent(version: 4)])!
            .LastDepartureOf("Suleiman Abdel Baqi")!.On.From.ShouldBe(new DateOnly(2025, 11, 30));
        var retracted = AsItStands.Fold<Office>([.. stream, new DevelopmentRetracted(FirstAppointment, "official_appointed", "never appointed").AsEvent(version: 3)])!;
        (retracted.Holders.Count, retracted.RecentlyLeft.Count, retracted.Version).ShouldBe((0, 0, 3L));
    }

    [Fact]
    public void Only_the_latest_departures_are_kept_for_a_resend_to_be_satisfied()
    {
        var office = Appointed("Holder 0");
        for (var i = 0; i <= Office.Recent; i++)
        {
            office = Then(office, GivenOffices.Resign($"Holder {i}", office.Version).Decide(office).Single());
            office = Then(office, (GivenOffices.SecurityChief(person: $"Holder {i + 1}", version: office.Version)).Decide(office).Single());
        }

        office.RecentlyLeft.Count.ShouldBe(Office.Recent);
        office.LastDepartureOf("Holder 0").ShouldBeNull();
        GivenOffices.Resign($"Holder {Office.Recent}", office.Version).Allowed(office).ShouldBeSameAs(WolverineContinue.NoProblems);
        GivenOffices.Resign($"Holder {Office.Recent}", office.Version).Decide(office).ShouldBeEmpty();
        GivenOffices.Resign("Holder 0", office.Version).Allowed(office).Status.ShouldBe(422);
    }

    [Fact]
    public void A_correction_in_a_stream_of_another_kind_creates_no_office() =>
        Office.Fold(null, new DevelopmentRetracted(Guid.NewGuid(), "x", "y").AsEvent()).ShouldBeNull();

    [Fact]
    public void Validation_names_every_bad_field()
    {
        var command = GivenOffices.SecurityChief(version: 0) with
        {
            Person = "",
            Office = "Chief|deputy",
            Jurisdiction = " ",
            AppointedBy = "",
            UnderstandingIds = [Guid.Empty],
            Provenance = GivenOffices.Government() with { Occurred = new(new DateOnly(2025, 9, 2), Negotiations.Kernel.DatePrecision.Month) }
        };

        var problems = (Microsoft.AspNetCore.Mvc.ValidationProblemDetails)command.Validate();

        problems.Errors.Keys.ShouldBe(["person", "office", "jurisdiction", "appointedBy", "version", "understandingIds[0]", "provenance.occurred.from"], ignoreOrder: true);
        ((Microsoft.AspNetCore.Mvc.ValidationProblemDetails)new DismissOfficial("", "", null, GivenOffices.Government(), 0).Validate())
            .Errors.Keys.ShouldBe(["person", "dismissedBy", "version"], ignoreOrder: true);
    }
}
