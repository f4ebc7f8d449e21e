using Negotiations.Appointments;
using Negotiations.Kernel;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Appointments;

/// <summary>A corrected appointment or departure keeps its place in the office's history: the replacement changes its details, not what came after.</summary>
public class OfficeCorrectionTests
{
    private static readonly Guid Id = OfficeIds.For("Internal security chief", "Sweida province");

    private static Office Then(Office? state, object data, Guid? eventId = null) => Office.Fold(state, data.AsEvent(eventId, (state?.Version ?? 0) + 1))!;

    private static OfficialAppointed Appointed(string person, DateOnly on, string by = "Syrian government") =>
        new(Id, person, "Internal security chief", "Sweida province", by, null, true, [], GivenOffices.Government(on));

    private static OfficialDismissed Dismissed(string person, DateOnly on) => new(Id, person, "Ministry of Interior", null, GivenOffices.Government(on));

    /// <summary>First Chief (dismissed), Suleiman Abdel Baqi (dismissed), Ahmed al-Dalati (holds it).</summary>
    private static (Office Office, Guid Appointment, Guid Dismissal) ThreeChiefs()
    {
        Guid appointment = Guid.CreateVersion7(), dismissal = Guid.CreateVersion7();
        var office = Then(null, Appointed("First Chief", new DateOnly(2025, 1, 10)));
        office = Then(office, Dismissed("First Chief", new DateOnly(2025, 9, 1)));
        office = Then(office, Appointed("Suleiman Abdel Baqi", new DateOnly(2025, 9, 15)), appointment);
        office = Then(office, Dismissed("Suleiman Abdel Baqi", new DateOnly(2025, 12, 1)), dismissal);
        office = Then(office, Appointed("Ahmed al-Dalati", new DateOnly(2025, 12, 2)));
        return (office, appointment, dismissal);
    }

    [Fact]
    public void A_corrected_appointment_is_replaced_in_place_and_keeps_the_departure_that_ended_it()
    {
        var (office, appointment, _) = ThreeChiefs();
        var replacement = Guid.CreateVersion7();

        office = Then(office, new DevelopmentCorrected(appointment, "official_appointed", "appointed by the ministry"));
        office = Then(office, Appointed("Suleiman Abdel Baqi", new DateOnly(2025, 9, 14), "Ministry of Interior"), replacement);

        office.Holders.Single().Person.ShouldBe("Ahmed al-Dalati");
        office.Tenures.Select(t => t.Person).ShouldBe(["First Chief", "Suleiman Abdel Baqi", "Ahmed al-Dalati"]);
        var corrected = office.Tenures[1];
        corrected.AppointmentEventId.ShouldBe(replacement);
        corrected.AppointedBy.ShouldBe("Ministry of Interior");
        corrected.From.From.ShouldBe(new DateOnly(2025, 9, 14));
        corrected.Left!.On.From.ShouldBe(new DateOnly(2025, 12, 1));
        office.Replacing.ShouldBeNull();
        office.BrokenRule().ShouldBeNull();
    }

    [Fact]
    public void A_corrected_departure_ends_the_same_tenure_with_the_new_details()
    {
        var (office, _, dismissal) = ThreeChiefs();
        var replacement = Guid.CreateVersion7();

        var between = Then(office, new DevelopmentCorrected(dismissal, "official_dismissed", "other date"));
        between.Holders.Count.ShouldBe(2); // until its replacement comes, a corrected departure counts as taken back
        office = Then(between, Dismissed("suleiman abdel baqi", new DateOnly(2025, 11, 30)), replacement);

        office.Holders.Single().Person.ShouldBe("Ahmed al-Dalati");
        office.Tenures[1].Left!.EventId.ShouldBe(replacement);
        office.Tenures[1].Left!.On.From.ShouldBe(new DateOnly(2025, 11, 30));
        office.BrokenRule().ShouldBeNull();
    }

    [Fact]
    public void Anything_else_after_a_correction_folds_as_usual()
    {
        var (office, appointment, _) = ThreeChiefs();

        office = Then(office, new DevelopmentCorrected(appointment, "official_appointed", "never appointed after all"));
        office.Replacing!.Position.ShouldBe(1);
        office = Then(office, new OfficialResigned(Id, "Ahmed al-Dalati", null, GivenOffices.Government(new DateOnly(2026, 1, 5))));

        office.Replacing.ShouldBeNull();
        office.Tenures.Select(t => t.Person).ShouldBe(["First Chief", "Ahmed al-Dalati"]);
        office.Holders.ShouldBeEmpty();
    }
}
