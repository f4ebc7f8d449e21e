using Negotiations.Appointments;
using Negotiations.Kernel;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Appointments;

/// <summary>Appointment commands as a monitor would send them, from the demo scenario.</summary>
public static class GivenOffices
{
    public static readonly DateOnly Appointed = new(2025, 9, 15);

    public static Provenance Government(DateOnly? on = null) => Given.Reported(on ?? Appointed, "Syrian government", SourceKind.Government);

    /// <summary>An appointment to the internal security chief of a province; a jurisdiction of its own per test keeps offices apart.</summary>
    public static AppointOfficial SecurityChief(string jurisdiction = "Sweida province", string person = "Suleiman Abdel Baqi", long? version = null,
        IReadOnlyList<Guid>? understandings = null, DateOnly? on = null) => new(
        person, "Internal security chief", jurisdiction, "Syrian government", Government(on),
        Affiliation: "Druze", UnderstandingIds: understandings, ExpectedVersion: version);

    public static DismissOfficial Dismiss(string person, long version, DateOnly? on = null) =>
        new(person, "Ministry of Interior", "restructuring", Government(on ?? new DateOnly(2025, 12, 1)), version);

    public static ResignOfficial Resign(string person, long version, DateOnly? on = null) =>
        new(person, "personal reasons", Government(on ?? new DateOnly(2025, 12, 1)), version);

    public static string Province() => $"Province {Guid.NewGuid():N}";
}
