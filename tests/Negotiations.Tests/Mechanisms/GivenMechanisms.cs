using Negotiations.Mechanisms;
using Negotiations.Kernel;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Mechanisms;

/// <summary>Mechanism commands as a monitor would send them, from the demo scenario.</summary>
public static class GivenMechanisms
{
    public static Provenance Jordan(DateOnly? on = null) => Given.Reported(on, "Jordan", SourceKind.Government);

    public static EstablishMechanism Trilateral(Guid roadmap, Guid? establishedUnder = null, Guid? id = null) => new(
        "Trilateral mechanism for the Sweida roadmap",
        [new MechanismMember("Syria", MemberRole.Member), new MechanismMember("Jordan", MemberRole.Backer), new MechanismMember("United States", MemberRole.Backer)],
        "Oversee the implementation of the Sweida stabilisation roadmap.",
        [roadmap],
        Jordan(),
        establishedUnder,
        id);

    public static AddMechanismMember Add(string name, MemberRole role, long version) => new(new MechanismMember(name, role), Jordan(), version);

    public static RecordMechanismMemberLeft Left(string name, long version) => new(name, "withdrew", Jordan(), version);

    public static RecordMechanismMeeting Meeting(long version, DateOnly? on = null) =>
        new(["Syria", "Jordan", "United States"], "First review of the roadmap", "Amman", Jordan(on ?? new DateOnly(2025, 10, 1)), version);

    public static PublishMechanismReport Report(long version) =>
        new("First progress report", "Compensation committee formed", "https://example.org/report-1", Jordan(new DateOnly(2025, 11, 1)), version);
}
