using Negotiations.Commitments;
using Negotiations.Kernel;
using Negotiations.Tests.Support;
using Negotiations.Understandings;

namespace Negotiations.Tests.Commitments;

/// <summary>Commitments of the Sweida roadmap, as a monitor would log them.</summary>
public static class GivenCommitments
{
    public static ProposeUnderstanding SweidaRoadmap(Guid? id = null) => new(
        "Sweida stabilisation roadmap",
        UnderstandingKind.Roadmap,
        [new Party("Syria", PartyRole.Party), new Party("United States", PartyRole.Backer), new Party("Jordan", PartyRole.Backer)],
        PaxStage.Implementation,
        Given.Reported(),
        id);

    public static MakeCommitment JusticeForVictims(Guid understandingId, Guid? id = null) => new(
        understandingId,
        "Hold accountable those responsible for violations against civilians in Sweida",
        CommitmentCategory.JusticeForVictims,
        "Syrian government",
        ["United States", "Jordan"],
        null,
        Given.Reported(),
        id);

    public static Provenance FromJordan(DateOnly? on = null) => Given.Reported(on, "Jordanian foreign ministry", SourceKind.Government);
}
