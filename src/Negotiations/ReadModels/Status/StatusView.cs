using Negotiations.Appointments;
using Negotiations.Casualties;
using Negotiations.Commitments;
using Negotiations.Mechanisms;
using Negotiations.Rounds;
using Negotiations.Statements;
using Negotiations.Incidents;
using Negotiations.Understandings;
using Negotiations.Zones;

namespace Negotiations.ReadModels.Status;

public sealed record CommitmentLine(Guid Id, string Text, CommitmentCategory Category, string ResponsibleParty, int Level, DateOnly? Deadline, CommitmentStanding Standing,
    string? CategoryLabel = null);

public sealed record RoadmapImplementation(IReadOnlyList<CommitmentLine> Commitments, decimal? ImplementationPercent);

public sealed record MechanismLine(Guid Id, string Name, IReadOnlyList<MechanismMember> Members, Meeting? LastMeeting, MechanismReport? LastReport);

public sealed record OfficeHolderLine(Guid OfficeId, string Office, string Jurisdiction, string Person, string? Affiliation);

/// <summary>
/// What a dashboard shows of an understanding: computed from the status document and a reference date
/// (today, or the date asked about), which only the overdue deadlines depend on.
/// </summary>
public sealed record StatusView(
    Guid Id,
    string Title,
    UnderstandingKind Kind,
    string? KindLabel,
    IReadOnlyList<Party> Parties,
    PaxStage Stage,
    string? StageLabel,
    Lifecycle Status,
    bool Retracted,
    long Version,
    RoundDetails? LastRound,
    RoundDetails? NextRound,
    IReadOnlyList<RoundDetails> Rounds,
    IReadOnlyList<ZoneDetails> Zones,
    RoadmapImplementation Roadmap,
    IReadOnlyList<MechanismLine> Mechanisms,
    IReadOnlyList<OfficeHolderLine> OfficeHolders,
    IReadOnlyList<CasualtyClaimDetails> CasualtyClaims,
    IReadOnlyList<Statement> Statements,
    IReadOnlyList<LatestDevelopment> LatestDevelopments,
    IReadOnlyList<OverdueCommitment> Overdue,
    long Sequence,
    IReadOnlyList<Incident> Incidents,
    IReadOnlyList<IncidentMonth> IncidentsPerMonth)
{
    public static StatusView? From(UnderstandingStatus status, DateOnly reference)
    {
        if (status.Understanding is not { } u) return null;

        var rounds = status.Rounds.Values.Where(r => !r.Retracted)
            .OrderBy(r => r.Outcome?.HeldOn.From ?? r.PlannedFor?.From ?? DateOnly.MaxValue).ThenBy(r => r.Id).ToList();
        var commitments = status.Commitments.Values.Where(c => !c.Retracted).OrderBy(c => c.Id).ToList();
        var incidents = status.Incidents.Values.Where(i => !i.Retracted).OrderBy(i => i.Occurred.From).ThenBy(i => i.Id).ToList();
        var lines = commitments.Select(c => new CommitmentLine(c.Id, c.Text, c.Category, c.ResponsibleParty,
            c.Assessment?.Level ?? 0, c.Deadline, c.Standing, c.CategoryLabel)).ToList();

        return new StatusView(
            u.Id, u.Title, u.Kind, u.KindLabel, u.Parties, u.Stage, u.StageLabel, u.Status, u.Retracted, u.Version,
            rounds.LastOrDefault(r => r.Status == RoundStatus.Held),
            rounds.Where(r => r.Status is RoundStatus.Scheduled or RoundStatus.Postponed).OrderBy(r => r.PlannedFor?.From ?? DateOnly.MaxValue).FirstOrDefault(),
            rounds,
            status.Zones.Values.Where(z => !z.Retracted).OrderBy(z => z.Id).ToList(),
            new RoadmapImplementation(lines, lines.Count == 0 ? null : Math.Round(100m * lines.Sum(l => l.Level) / (3m * lines.Count), 1)),
            status.Mechanisms.Values.Where(m => !m.Retracted).OrderBy(m => m.Id)
                .Select(m => new MechanismLine(m.Id, m.Name, m.Members, m.LastMeeting, m.LastReport)).ToList(),
            status.Offices.Values.OrderBy(o => o.Id)
                .SelectMany(o => o.Holders.Select(h => new OfficeHolderLine(o.Id, o.Title, o.Jurisdiction, h.Person, h.Affiliation))).ToList(),
            status.CasualtyClaims.Values.Where(c => !c.Retracted).OrderBy(c => c.Source).ThenBy(c => c.Id).ToList(),
            status.Statements.Values.Where(s => !s.Retracted).OrderBy(s => s.Id).ToList(),
            status.Latest.AsEnumerable().Reverse().ToList(),
            commitments.Select(c => OverdueCommitments.Judge(c, reference)).OfType<OverdueCommitment>()
                .Select(o => o with { UnderstandingTitle = u.Title }).OrderByDescending(o => o.DaysOverdue).ToList(),
            status.Sequence,
            incidents,
            incidents.GroupBy(i => i.Occurred.From.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).OrderBy(g => g.Key)
                .Select(g => new IncidentMonth(g.Key, g.Count(), g.GroupBy(i => i.Kind).OrderBy(k => k.Key).Select(k => new IncidentKindCount(k.Key, k.Count())).ToList()))
                .ToList());
    }
}

/// <summary>The incidents of an understanding that may first have happened in a month (YYYY-MM), in all and by kind.</summary>
public sealed record IncidentMonth(string Month, int Count, IReadOnlyList<IncidentKindCount> ByKind);

public sealed record IncidentKindCount(IncidentKind Kind, int Count);
