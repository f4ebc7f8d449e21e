using JasperFx.Events;
using Marten;
using Marten.Events;
using Negotiations.Commitments;
using Negotiations.Rounds;
using Negotiations.Kernel;
using Negotiations.Statements;
using Negotiations.Understandings;
using Negotiations.Zones;

namespace Negotiations.Benchmarks;

/// <summary>
/// Realistic developments: understandings with their rounds, zones, withdrawals, commitments, steps and
/// statements, now and then a retraction, each with a graded source and an occurrence date.
/// </summary>
public static class Workload
{
    private static readonly DateOnly Start = new(2019, 1, 1);

    /// <summary>
    /// The developments a command client logs on one understanding before it proposes the next: a long negotiation's
    /// worth, so that the command figures measure the command, not the length of the stream the run happened to build
    /// (10 s at one client is over a thousand stage changes on one understanding); the growth rows measure the long
    /// stream on purpose.
    /// </summary>
    public const int DevelopmentsPerUnderstanding = 100;

    public static Provenance Provenance(int day, int i) => new(
        [new Source(i % 3 == 0 ? "Syrian Ministry of Foreign Affairs" : i % 3 == 1 ? "Diplomats" : "Syrian Observatory for Human Rights",
            i % 3 == 0 ? SourceKind.Government : i % 3 == 1 ? SourceKind.Diplomatic : SourceKind.Ngo,
            $"Field report {i}, regional news coverage", Start.AddDays(day), (Reliability)(i % 4), 1 + i % 5)],
        Occurrence.On(Start.AddDays(day)));

    /// <summary>One understanding and the streams around it: about 19 events in 9 streams.</summary>
    public static IEnumerable<StreamAction> Cluster(EventGraph graph, int n)
    {
        var day = n % 2500;
        var u = Guid.CreateVersion7();
        IEvent E(object data) { var e = graph.BuildEvent(data); e.Id = Guid.CreateVersion7(); return e; }
        var p = (int k) => Provenance(day + k, n + k);

        yield return StreamAction.Start(u,
        [
            E(new UnderstandingProposed(u, $"Security understanding {n}", UnderstandingKind.SecurityUnderstanding,
                [new Party("Syria", PartyRole.Party), new Party("Israel", PartyRole.Party), new Party("United States", PartyRole.Mediator)],
                PaxStage.PreNegotiation, p(0))),
            E(new UnderstandingLifecycleChanged(u, Lifecycle.UnderNegotiation, "Talks under way", p(1))),
            E(new UnderstandingStageChanged(u, PaxStage.Ceasefire, p(2))),
            E(new UnderstandingStageChanged(u, PaxStage.FrameworkPartial, p(5))),
            E(new UnderstandingLifecycleChanged(u, Lifecycle.Agreed, "Signed by both delegations", p(9))),
            E(new UnderstandingStageChanged(u, PaxStage.Implementation, p(12))),
        ]);

        var round = Guid.CreateVersion7();
        yield return StreamAction.Start(round,
        [
            E(new RoundScheduled(round, "Baku", Occurrence.On(Start.AddDays(day + 3)), ["Syria", "Israel"], "United States", [u], p(1))),
            E(new RoundHeld(round, "The delegations agreed on a timetable for the withdrawal of heavy weapons.", ["timetable"], p(3))),
        ]);

        var zone = Guid.CreateVersion7();
        yield return StreamAction.Start(zone,
        [
            E(new ZoneDefined(zone, $"Zone {n}", ZoneKind.DemilitarisedZone, "Damascus / southern Syria", [u], [new WeaponRule("heavy weapons", 10)], p(4))),
            E(new WithdrawalDeclared(zone, "Syria", "heavy weapons", 10, "southern areas", p(6))),
            E(new WithdrawalDeclared(zone, "Syria", "artillery", 15, "south-west of Damascus", p(7))),
            E(new WithdrawalDeclared(zone, "Israel", "armour", 5, "buffer zone", p(8))),
        ]);

        var commitment = Guid.CreateVersion7();
        yield return StreamAction.Start(commitment,
        [
            E(new CommitmentMade(commitment, u, "Withdraw heavy weapons from the south", CommitmentCategory.Withdrawal, "Syrian government",
                ["United States", "Jordan"], Start.AddDays(day + 60), p(9))),
            E(new ImplementationStepReported(commitment, "Syrian government", "First convoys left the southern areas.", p(10))),
            E(new ImplementationStepReported(commitment, "Syrian government", "Checkpoints handed over to local police.", p(11))),
        ]);

        for (var s = 0; s < 3; s++)
        {
            var statement = Guid.CreateVersion7();
            var made = E(new StatementMade(statement, s == 0 ? "Tom Barrack" : "Asaad al-Shaibani", s == 0 ? "United States" : "Syria",
                s == 0 ? PartyRole.Mediator : PartyRole.Party, "Talks are progressing towards a deal on the south.", "Damascus", [u], p(2 + s)));
            yield return n % 5 == 0 && s == 0
                ? StreamAction.Start(statement, [made, E(new DevelopmentRetracted(made.Id, "StatementMade", "Misattributed quote"))])
                : StreamAction.Start(statement, [made]);
        }
    }

    /// <summary>Enough clusters for about this many events.</summary>
    public static List<StreamAction> Clusters(EventGraph graph, int events, int firstCluster = 0)
    {
        var streams = new List<StreamAction>();
        var count = 0;
        for (var n = firstCluster; count < events; n++)
            foreach (var stream in Cluster(graph, n))
            {
                streams.Add(stream);
                count += stream.Events.Count;
            }
        return streams;
    }

    /// <summary>One understanding with this many developments in its own stream, over ten years of occurrence dates.</summary>
    public static StreamAction LongHistory(EventGraph graph, Guid id, int developments)
    {
        var events = new List<IEvent>(developments);
        IEvent E(object data) { var e = graph.BuildEvent(data); e.Id = Guid.CreateVersion7(); return e; }
        var span = 3650.0 / developments;
        events.Add(E(new UnderstandingProposed(id, "Long-running talks", UnderstandingKind.Roadmap,
            [new Party("Syria", PartyRole.Party), new Party("Jordan", PartyRole.Backer)], PaxStage.PreNegotiation, Provenance(0, 0))));
        for (var i = 1; i < developments; i++)
            events.Add(E(new UnderstandingStageChanged(id, i % 2 == 0 ? PaxStage.Ceasefire : PaxStage.FrameworkPartial, Provenance((int)(i * span), i))));
        return StreamAction.Start(id, events.ToArray());
    }

    public static DateOnly MiddleOfHistory => Start.AddDays(1825);

    public static DateOnly HistoryDay(int day) => Start.AddDays(day);

    // ---- The same developments as HTTP bodies and import lines ----

    private static string ProvenanceJson(int i) =>
        $$$"""{"sources":[{"name":"Syrian Ministry of Foreign Affairs","kind":"government","citation":"Field report {{{i}}}","published":"2025-09-15","reliability":"B","credibility":3}],"occurred":{"from":"2025-09-15","precision":"day"}}""";

    public static string Propose(Guid id, string title) =>
        $$"""{"understandingId":"{{id}}","title":"{{title}}","kind":"security-understanding","parties":[{"name":"Syria","role":"party"},{"name":"Israel","role":"party"},{"name":"United States","role":"mediator"}],"stage":"pre-negotiation","provenance":{{ProvenanceJson(0)}}}""";

    /// <summary>A stage change that alternates, so that every command appends one event.</summary>
    public static string ChangeStage(long expectedVersion, int i) =>
        $$"""{"stage":"{{(expectedVersion % 2 == 0 ? "ceasefire" : "framework-partial")}}","version":{{expectedVersion}},"provenance":{{ProvenanceJson(i)}}}""";

    /// <summary>One long stream as JSON Lines: an understanding, the mechanism that oversees it, then its meetings, each appending to the mechanism.</summary>
    public static IEnumerable<string> MechanismMeetings(int lines)
    {
        var (u, mechanism) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        yield return $$"""{"command":"ProposeUnderstanding","understandingId":"{{u}}","title":"Imported understanding","kind":"security-understanding","parties":[{"name":"Syria","role":"party"},{"name":"Israel","role":"party"}],"stage":"pre-negotiation","provenance":{{ProvenanceJson(0)}}}""";
        yield return $$"""{"command":"EstablishMechanism","mechanismId":"{{mechanism}}","name":"Imported mechanism","members":[{"name":"Syria","role":"member"},{"name":"Jordan","role":"member"},{"name":"United States","role":"member"}],"mandate":"Oversee the roadmap","overseenUnderstandingIds":["{{u}}"],"provenance":{{ProvenanceJson(0)}}}""";
        for (var i = 1; i <= lines - 2; i++)
            yield return $$"""{"command":"RecordMechanismMeeting","mechanismId":"{{mechanism}}","attendees":["Syria","Jordan","United States"],"summary":"Meeting {{i}} reviewed the roadmap","venue":"Amman","version":{{i}},"provenance":{{ProvenanceJson(i)}}}""";
    }

    /// <summary>A field report as JSON Lines: per understanding 10 lines (proposal, lifecycle, 2 stage changes, zone, 2 withdrawals, 3 statements).</summary>
    public static IEnumerable<string> FieldReport(int lines)
    {
        var written = 0;
        for (var n = 0; written < lines; n++)
        {
            var u = Guid.CreateVersion7();
            var zone = Guid.CreateVersion7();
            var p = ProvenanceJson(n);
            string[] group =
            [
                $$"""{"command":"ProposeUnderstanding","understandingId":"{{u}}","title":"Imported understanding {{n}}","kind":"demilitarised-zone","parties":[{"name":"Syria","role":"party"},{"name":"Israel","role":"party"}],"stage":"pre-negotiation","provenance":{{p}}}""",
                $$"""{"command":"ChangeLifecycle","understandingId":"{{u}}","status":"under-negotiation","reason":"Talks under way","version":1,"provenance":{{p}}}""",
                $$"""{"command":"ChangeStage","understandingId":"{{u}}","stage":"ceasefire","version":2,"provenance":{{p}}}""",
                $$"""{"command":"ChangeStage","understandingId":"{{u}}","stage":"framework-partial","version":3,"provenance":{{p}}}""",
                $$"""{"command":"DefineZone","zoneId":"{{zone}}","name":"Zone {{n}}","kind":"demilitarised-zone","reference":"Damascus / southern Syria","understandingIds":["{{u}}"],"rules":[{"weaponClass":"heavy weapons","minimumDepthKm":10}],"provenance":{{p}}}""",
                $$"""{"command":"DeclareWithdrawal","zoneId":"{{zone}}","party":"Syria","weaponClass":"heavy weapons","depthKm":10,"area":"southern areas","version":1,"provenance":{{p}}}""",
                $$"""{"command":"DeclareWithdrawal","zoneId":"{{zone}}","party":"Israel","weaponClass":"armour","depthKm":5,"area":"buffer zone","version":2,"provenance":{{p}}}""",
                .. Enumerable.Range(0, 3).Select(s =>
                    $$"""{"command":"MakeStatement","statementId":"{{Guid.CreateVersion7()}}","speaker":"Speaker {{s}}","onBehalfOf":"Syria","role":"party","summary":"Talks are progressing towards a deal on the south.","understandingIds":["{{u}}"],"provenance":{{p}}}"""),
            ];
            foreach (var line in group)
            {
                if (written++ >= lines) yield break;
                yield return line;
            }
        }
    }
}
