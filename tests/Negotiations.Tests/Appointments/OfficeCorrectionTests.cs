using Negotiations.Appointments;
using Negotiations.Kernel;
using Negotiations.Tests.Support;
using IEvent = JasperFx.Events.IEvent;

namespace Negotiations.Tests.Appointments;

/// <summary>
/// A corrected appointment or departure keeps its place in the office's history: the replacement changes its details,
/// not what came after. Folded from the stream as it stands, as the projections fold it after a correction.
/// </summary>
public class OfficeCorrectionTests
{
    private static readonly Guid Id = OfficeIds.For("Internal security chief", "Sweida province");

    private static OfficialAppointed Appointed(string person, DateOnly on, string by = "Syrian government", bool singleHolder = true) =>
        new(Id, person, "Internal security chief", "Sweida province", by, null, singleHolder, [], GivenOffices.Government(on));

    private static OfficialDismissed Dismissed(string person, DateOnly on) => new(Id, person, "Ministry of Interior", null, GivenOffices.Government(on));

    /// <summary>First Chief (dismissed), Suleiman Abdel Baqi (dismissed), Ahmed al-Dalati (holds it).</summary>
    private static List<IEvent> ThreeChiefs() =>
    [
        Appointed("First Chief", new DateOnly(2025, 1, 10)).AsEvent(version: 1),
        Dismissed("First Chief", new DateOnly(2025, 9, 1)).AsEvent(version: 2),
        Appointed("Suleiman Abdel Baqi", new DateOnly(2025, 9, 15)).AsEvent(version: 3),
        Dismissed("Suleiman Abdel Baqi", new DateOnly(2025, 12, 1)).AsEvent(version: 4),
        Appointed("Ahmed al-Dalati", new DateOnly(2025, 12, 2)).AsEvent(version: 5)
    ];

    private static List<IEvent> Then(List<IEvent> stream, params object[] data) =>
        [.. stream, .. data.Select((d, i) => d.AsEvent(version: stream.Count + i + 1))];

    [Fact]
    public void A_corrected_appointment_is_replaced_in_place_and_keeps_the_departure_that_ended_it()
    {
        var stream = ThreeChiefs();
        stream = Then(stream, new DevelopmentCorrected(stream[2].Id, "official_appointed", "appointed by the ministry"),
            Appointed("Suleiman Abdel Baqi", new DateOnly(2025, 9, 14), "Ministry of Interior"));

        var details = AsItStands.Fold<OfficeDetails>(stream)!;
        details.Holders.Single().Person.ShouldBe("Ahmed al-Dalati");
        details.FormerHolders.Select(t => t.Person).ShouldBe(["First Chief", "Suleiman Abdel Baqi"]);
        var corrected = details.FormerHolders[1];
        corrected.AppointmentEventId.ShouldBe(stream[^1].Id);
        corrected.AppointedBy.ShouldBe("Ministry of Interior");
        corrected.From.From.ShouldBe(new DateOnly(2025, 9, 14));
        corrected.Left!.EventId.ShouldBe(stream[3].Id);
        corrected.Left.On.From.ShouldBe(new DateOnly(2025, 12, 1));
        (details.FormerHolderCount, details.Version).ShouldBe((2, 7L));

        var office = AsItStands.Fold<Office>(stream)!;
        office.Holders.Single().Person.ShouldBe("Ahmed al-Dalati");
        office.LastDepartureOf("suleiman abdel baqi")!.AppointmentEventId.ShouldBe(stream[^1].Id);
        office.BrokenRule().ShouldBeNull();
    }

    [Fact]
    public void A_corrected_departure_ends_the_same_tenure_with_the_new_details()
    {
        var stream = ThreeChiefs();
        stream = Then(stream, new DevelopmentCorrected(stream[3].Id, "official_dismissed", "other date"),
            Dismissed("suleiman abdel baqi", new DateOnly(2025, 11, 30)));

        var details = AsItStands.Fold<OfficeDetails>(stream)!;
        details.Holders.Single().Person.ShouldBe("Ahmed al-Dalati");
        details.FormerHolders[1].Left!.EventId.ShouldBe(stream[^1].Id);
        details.FormerHolders[1].To!.From.ShouldBe(new DateOnly(2025, 11, 30));
        AsItStands.Fold<Office>(stream)!.BrokenRule().ShouldBeNull();
    }

    [Fact]
    public void A_retracted_dismissal_puts_the_holder_back_in_office_and_a_retracted_appointment_takes_its_departure_with_it()
    {
        var council = new List<IEvent>
        {
            Appointed("A", new DateOnly(2025, 1, 10), singleHolder: false).AsEvent(version: 1),
            Appointed("B", new DateOnly(2025, 2, 1), singleHolder: false).AsEvent(version: 2),
            Dismissed("B", new DateOnly(2025, 3, 1)).AsEvent(version: 3)
        };

        var unDismissed = AsItStands.Fold<OfficeDetails>(Then(council, new DevelopmentRetracted(council[2].Id, "official_dismissed", "not dismissed")))!;
        unDismissed.Holders.Select(h => h.Person).ShouldBe(["A", "B"]);
        (unDismissed.FormerHolders.Count, unDismissed.FormerHolderCount).ShouldBe((0, 0));

        var neverAppointed = Then(council, new DevelopmentRetracted(council[1].Id, "official_appointed", "never appointed"));
        var details = AsItStands.Fold<OfficeDetails>(neverAppointed)!;
        details.Holders.Select(h => h.Person).ShouldBe(["A"]);
        (details.FormerHolders.Count, details.FormerHolderCount).ShouldBe((0, 0));
        var office = AsItStands.Fold<Office>(neverAppointed)!;
        office.LastDepartureOf("B").ShouldBeNull();
        (office.BrokenRule(), office.Version).ShouldBe((null, 4L));
    }

    [Fact]
    public void The_first_appointment_retracted_leaves_an_office_nobody_held_until_someone_is_appointed()
    {
        var stream = Then([Appointed("A", new DateOnly(2025, 1, 10)).AsEvent(version: 1)], Dismissed("A", new DateOnly(2025, 2, 1)));
        stream = Then(stream, new DevelopmentRetracted(stream[0].Id, "official_appointed", "never appointed"));

        var details = AsItStands.Fold<OfficeDetails>(stream)!;
        (details.Holders.Count, details.FormerHolders.Count, details.FormerHolderCount, details.Version).ShouldBe((0, 0, 0, 3L));
        AsItStands.Fold<Office>(stream)!.RecentlyLeft.ShouldBeEmpty();

        stream = Then(stream, Appointed("B", new DateOnly(2025, 3, 1)));
        AsItStands.Fold<Office>(stream)!.Holders.Single().Person.ShouldBe("B");
        AsItStands.Fold<OfficeDetails>(stream)!.Holders.Single().Person.ShouldBe("B");
    }

    [Fact]
    public void Anything_else_after_a_correction_folds_as_usual()
    {
        var stream = ThreeChiefs();
        stream = Then(stream, new DevelopmentRetracted(stream[2].Id, "official_appointed", "never appointed after all"),
            new OfficialResigned(Id, "Ahmed al-Dalati", null, GivenOffices.Government(new DateOnly(2026, 1, 5))));

        var details = AsItStands.Fold<OfficeDetails>(stream)!;
        details.FormerHolders.Select(t => t.Person).ShouldBe(["First Chief", "Ahmed al-Dalati"]);
        details.Holders.ShouldBeEmpty();
        AsItStands.Fold<Office>(stream)!.Holders.ShouldBeEmpty();
    }
}
