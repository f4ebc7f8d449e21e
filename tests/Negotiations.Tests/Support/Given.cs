using Negotiations.Kernel;
using Negotiations.Understandings;

namespace Negotiations.Tests.Support;

/// <summary>Commands as a monitor would send them, built from the demo scenario's facts.</summary>
public static class Given
{
    public static readonly DateOnly September15 = new(2025, 9, 15);

    public static Provenance Reported(DateOnly? on = null, string source = "Syrian foreign ministry", SourceKind kind = SourceKind.Government) =>
        new([new Source(source, kind, "State news agency statement", on ?? September15, Reliability.B, 2)], Occurrence.On(on ?? September15));

    public static ProposeUnderstanding DemilitarisedZone(Guid? id = null) => new(
        "Southern Syria demilitarised zone",
        UnderstandingKind.DemilitarisedZone,
        [new Party("Syria", PartyRole.Party), new Party("Israel", PartyRole.Party), new Party("United States", PartyRole.Mediator)],
        PaxStage.PreNegotiation,
        Reported(),
        id);
}
