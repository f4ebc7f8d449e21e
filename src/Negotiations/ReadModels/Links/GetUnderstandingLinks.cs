using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Appointments;
using Negotiations.Casualties;
using Negotiations.Commitments;
using Negotiations.Mechanisms;
using Negotiations.Rounds;
using Negotiations.Kernel;
using Negotiations.Statements;
using Negotiations.Understandings;
using Negotiations.Zones;
using Wolverine.Http;

namespace Negotiations.ReadModels.Links;

/// <summary>A stream that concerns an understanding: its id, what it is called, where it stands in one line, and its version.</summary>
public sealed record LinkedStream(Guid Id, string Name, string State, long Version);

/// <summary>Every stream that concerns an understanding, by concept.</summary>
public sealed record UnderstandingLinks(
    Guid UnderstandingId,
    string Title,
    UnderstandingKind Kind,
    Lifecycle Status,
    PaxStage Stage,
    bool Retracted,
    IReadOnlyList<LinkedStream> Rounds,
    IReadOnlyList<LinkedStream> Zones,
    IReadOnlyList<LinkedStream> Mechanisms,
    IReadOnlyList<LinkedStream> Offices,
    IReadOnlyList<LinkedStream> Commitments,
    IReadOnlyList<LinkedStream> CasualtyClaims,
    IReadOnlyList<LinkedStream> Statements);

public static class GetUnderstandingLinksEndpoint
{
    /// <summary>
    /// A query over documents that are all kept inline (StreamLink and each concept's read model of one
    /// stream, or its write model where it has no other, in the transaction that appends), so the answer is never behind the events:
    /// no read model of its own.
    /// StreamLink finds the streams (it only ever adds links); each stream's own document then confirms
    /// that it still names the understanding and was not retracted, so a retracted appointment or round
    /// drops out although its link stays.
    /// </summary>
    [WolverineGet("/api/understandings/{understandingId}/links", OperationId = "GetUnderstandingLinks"), Tags("Understandings")]
    [EndpointSummary("List the rounds, zones, mechanisms, offices, commitments, casualty claims and statements of an understanding")]
    [EndpointDescription("Every stream that concerns the understanding, by concept, each with its id, its name or title, where it " +
        "stands in one line and its version (to send back with a command). Retracted streams are left out. Always current: read " +
        "from documents kept with the events.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<UnderstandingLinks>, ProblemHttpResult>> Get(Guid understandingId, IQuerySession session, CancellationToken cancellation)
    {
        var understanding = await session.LoadAsync<UnderstandingDetails>(understandingId, cancellation);
        if (understanding is null)
            return TypedResults.Problem($"No understanding has id {understandingId}.", statusCode: 404, title: "Unknown understanding");

        var links = await session.Query<StreamLink>().Where(l => l.UnderstandingIds.Contains(understandingId)).ToListAsync(cancellation);
        Guid[] Of<TEvent>() => links.Where(l => l.Concept == Concepts.Of(typeof(TEvent))).Select(l => l.Id).ToArray();

        var batch = session.CreateBatchQuery();
        var rounds = batch.LoadMany<RoundDetails>().ById(Of<RoundScheduled>());
        var zones = batch.LoadMany<ZoneDetails>().ById(Of<ZoneDefined>());
        var mechanisms = batch.LoadMany<MechanismDetails>().ById(Of<MechanismEstablished>());
        var offices = batch.LoadMany<OfficeDetails>().ById(Of<OfficialAppointed>());
        var commitments = batch.LoadMany<CommitmentDetails>().ById(Of<CommitmentMade>());
        var claims = batch.LoadMany<CasualtyClaimDetails>().ById(Of<CasualtyClaimPublished>());
        var statements = batch.LoadMany<Statement>().ById(Of<StatementMade>());
        await batch.Execute(cancellation);

        return TypedResults.Ok(new UnderstandingLinks(
            understanding.Id, understanding.Title, understanding.Kind, understanding.Status, understanding.Stage, understanding.Retracted,
            Lines((await rounds).Where(r => !r.Retracted && r.UnderstandingIds.Contains(understandingId)), r => r.Id, LinkLines.Name, LinkLines.State, r => r.Version),
            Lines((await zones).Where(z => !z.Retracted && z.UnderstandingIds.Contains(understandingId)), z => z.Id, z => z.Name, LinkLines.State, z => z.Version),
            Lines((await mechanisms).Where(m => !m.Retracted && LinkLines.Concerns(m, understandingId)),
                m => m.Id, m => m.Name, m => LinkLines.State(m, understandingId), m => m.Version),
            Lines((await offices).Where(o => o.Tenures().Any(t => t.UnderstandingIds.Contains(understandingId))),
                o => o.Id, o => $"{o.Title}, {o.Jurisdiction}", LinkLines.State, o => o.Version),
            Lines((await commitments).Where(c => !c.Retracted && c.UnderstandingId == understandingId), c => c.Id, c => c.Text, LinkLines.State, c => c.Version),
            Lines((await claims).Where(c => !c.Retracted && c.UnderstandingIds.Contains(understandingId)),
                c => c.Id, c => $"{c.Source}: {c.Incident}", LinkLines.State, c => c.Version),
            Lines((await statements).Where(s => !s.Retracted && s.UnderstandingIds.Contains(understandingId)),
                s => s.Id, LinkLines.Name, LinkLines.State, s => s.Version)));
    }

    private static IReadOnlyList<LinkedStream> Lines<T>(IEnumerable<T> documents, Func<T, Guid> id, Func<T, string> name, Func<T, string> state, Func<T, long> version) =>
        documents.Select(d => new LinkedStream(id(d), name(d), state(d), version(d)))
            .OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.Id).ToList();
}

/// <summary>Names and one-line states of linked streams, in the API's words. Pure.</summary>
public static class LinkLines
{
    public static string When(Occurrence o) => o.Precision switch
    {
        DatePrecision.Month => $"{o.From:yyyy-MM}",
        DatePrecision.Year => $"{o.From:yyyy}",
        DatePrecision.Range => $"{o.From:yyyy-MM-dd} to {o.To ?? o.From:yyyy-MM-dd}",
        _ => $"{o.From:yyyy-MM-dd}"
    };

    public static string Name(RoundDetails r) =>
        $"{string.Join(", ", r.Participants)} talks{(r.Venue is { } venue ? $" in {venue}" : "")}{(r.Mediator is { } m ? $", mediated by {m}" : "")}";

    public static string State(RoundDetails r) => r.Status switch
    {
        RoundStatus.Held => $"held{(r.Outcome is { } o ? $" {When(o.HeldOn)}: {o.Summary}" : "")}",
        RoundStatus.Scheduled => $"scheduled{(r.PlannedFor is { } p ? $" for {When(p)}" : "")}",
        RoundStatus.Postponed => $"postponed{(r.StatusReason is { } why ? $" ({why})" : "")}{(r.PlannedFor is { } p ? $", last planned for {When(p)}" : "")}",
        _ => $"cancelled{(r.StatusReason is { } why ? $" ({why})" : "")}"
    };

    public static string State(ZoneDetails z)
    {
        var parts = new List<string> { $"{z.Kind.Word()}, {Count(z.Rules.Count, "rule")}" };
        parts.AddRange(z.Standing.Select(s =>
            s.Measure == ComplianceMeasure.WithdrawalToDepth
                ? $"{s.Party} {s.WeaponClass}: {s.Status.Word()} at {s.DeclaredDepthKm} km{(s.RequiredDepthKm is { } required ? $" (rule {required} km)" : "")}"
                : $"{s.Party} {s.Declaration}: {s.Status.Word()}"));
        if (z.ViolationCount > 0)
        {
            // Rulings are kept for the latest reports only: beyond them, how many were verified is the timeline's to tell.
            var verified = z.LatestViolations.Count(v => v.Status == ViolationStatus.Verified);
            parts.Add(z.ViolationCount > z.LatestViolations.Count
                ? $"{Count(z.ViolationCount, "violation")} reported; of the latest {z.LatestViolations.Count}, {verified} verified"
                : $"{Count(z.ViolationCount, "violation")} reported, {verified} verified");
        }
        return string.Join("; ", parts);
    }

    public static bool Concerns(MechanismDetails m, Guid understandingId) =>
        m.OverseenUnderstandingIds.Contains(understandingId) || m.EstablishedUnder == understandingId;

    public static string State(MechanismDetails m, Guid understandingId)
    {
        var role = (m.OverseenUnderstandingIds.Contains(understandingId), m.EstablishedUnder == understandingId) switch
        {
            (true, true) => "established under and overseeing it",
            (true, false) => "overseeing it",
            _ => "established under it"
        };
        var lastMeeting = m.LastMeeting?.On;
        var lastReport = m.LastReport;
        return $"{role}; {Count(m.Members.Count, "member")}; " +
               (lastMeeting is null ? "no meeting yet" : $"last met {When(lastMeeting)}") + "; " +
               (lastReport is null ? "no report yet" : $"last report {When(lastReport.On)}: {lastReport.Title}");
    }

    public static string State(OfficeDetails o)
    {
        if (o.Holders.Count > 0)
            return "held by " + string.Join(", ", o.Holders.Select(h => $"{h.Person} since {When(h.From)}"));
        var last = o.FormerHolders.OrderBy(t => t.Left!.On.From).Last();
        return $"vacant since {When(last.Left!.On)} ({last.Person} {last.Left.Kind.Word()})";
    }

    public static string State(CommitmentDetails c)
    {
        var level = c.Assessment is { } a ? $"level {a.Level} ({a.Meaning.Word()})" : "not assessed";
        var deadline = c.Deadline is { } d ? $"deadline {d:yyyy-MM-dd}" : "no deadline";
        return $"{level}; {deadline}; {c.Standing.Word()}";
    }

    public static string State(CasualtyClaimDetails c)
    {
        // Disputes are kept for the latest ones only: beyond them, who else disputed it is the timeline's to tell.
        var by = string.Join(", ", c.Disputes.Select(d => d.DisputedBy).Distinct());
        return c.Latest.Figures.Words() +
               (c.RevisionCount > 0 ? $"; revised {Count(c.RevisionCount, "time")}" : "") +
               (c.DisputeCount > c.Disputes.Count ? $"; {Count(c.DisputeCount, "dispute")}, the latest by {by}"
                   : c.DisputeCount > 0 ? $"; disputed by {by}" : "");
    }

    public static string Name(Statement s) => s.OnBehalfOf is { } party && !string.Equals(party, s.Speaker, StringComparison.OrdinalIgnoreCase)
        ? $"{s.Speaker} for {party}"
        : s.Speaker;

    public static string State(Statement s) => $"said {When(s.MadeOn)}: {s.Summary}";

    private static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";
}
