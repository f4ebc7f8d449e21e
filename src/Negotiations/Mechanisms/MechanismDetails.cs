using JasperFx.Events;
using Negotiations.Kernel;

namespace Negotiations.Mechanisms;

public sealed record Meeting(Guid EventId, Occurrence On, IReadOnlyList<string> Attendees, string Summary, string? Venue);

public sealed record MechanismReport(Guid EventId, string Title, string Summary, string? Citation, Occurrence On);

/// <summary>
/// An oversight mechanism as its readers see it: mandate, what it oversees, current and former members, how many
/// times it met and reported, and the latest <see cref="Latest"/> meetings and reports by the date they happened
/// (each with its event id, to cite or correct it). Every meeting and report is on the timeline. Folded from the
/// mechanism's stream; a correction or retraction folds the stream again as it stands.
/// </summary>
public sealed record MechanismDetails(
    Guid Id,
    string Name,
    string Mandate,
    IReadOnlyList<Guid> OverseenUnderstandingIds,
    Guid? EstablishedUnder,
    Occurrence Established,
    Guid EstablishedBy,
    IReadOnlyList<MechanismMember> Members,
    IReadOnlyList<string> FormerMembers,
    int MeetingCount,
    IReadOnlyList<Meeting> LatestMeetings,
    int ReportCount,
    IReadOnlyList<MechanismReport> LatestReports,
    bool Retracted,
    long Version) : IStreamModel<MechanismDetails>
{
    public const int Latest = 5;

    /// <summary>The meeting that happened last (the latest of its first possible day), if any.</summary>
    public Meeting? LastMeeting => LatestMeetings.Count == 0 ? null : LatestMeetings[^1];

    public MechanismReport? LastReport => LatestReports.Count == 0 ? null : LatestReports[^1];

    public MechanismDetails At(long version) => this with { Version = version };

    public static MechanismDetails? Fold(MechanismDetails? state, IEvent e) => (state, e.Data) switch
    {
        (null, MechanismEstablished m) => new MechanismDetails(m.MechanismId, m.Name, m.Mandate, m.OverseenUnderstandingIds, m.EstablishedUnder, m.Provenance.Occurred, e.Id,
            [], [], 0, [], 0, [], false, e.Version).Joined(m.Members),
        (null, _) => null,
        ({ } s, MechanismMemberAdded a) => s.Joined([a.Member]) with { Version = e.Version },
        ({ } s, MechanismMemberLeft l) => s.Left(l.Member) with { Version = e.Version },
        ({ } s, MechanismMeetingHeld m) => s with
        {
            MeetingCount = s.MeetingCount + 1,
            LatestMeetings = Keep(s.LatestMeetings, new Meeting(e.Id, m.Provenance.Occurred, m.Attendees, m.Summary, m.Venue), x => x.On),
            Version = e.Version
        },
        ({ } s, MechanismReportPublished r) => s with
        {
            ReportCount = s.ReportCount + 1,
            LatestReports = Keep(s.LatestReports, new MechanismReport(e.Id, r.Title, r.Summary, r.Citation, r.Provenance.Occurred), x => x.On),
            Version = e.Version
        },
        ({ } s, DevelopmentRetracted r) when r.RetractedEventId == s.EstablishedBy => s with { Retracted = true, Version = e.Version },
        ({ } s, _) => s with { Version = e.Version }
    };

    private MechanismDetails Joined(IEnumerable<MechanismMember> joining) => joining.Aggregate(this, (state, member) =>
    {
        var (members, former, _) = Membership.Join(state.Members, state.FormerMembers, member, Name);
        return state with { Members = members, FormerMembers = former };
    });

    private MechanismDetails Left(string name)
    {
        var (members, former, _) = Membership.Leave(Members, FormerMembers, name, Name);
        return this with { Members = members, FormerMembers = former };
    }

    /// <summary>The latest items by the first day they may have happened (ties in the order recorded), oldest first.</summary>
    private static IReadOnlyList<T> Keep<T>(IReadOnlyList<T> latest, T item, Func<T, Occurrence> on)
    {
        var at = latest.Count;
        while (at > 0 && on(latest[at - 1]).From > on(item).From) at--;
        List<T> kept = [.. latest.Take(at), item, .. latest.Skip(at)];
        return kept.Count > Latest ? kept.Skip(kept.Count - Latest).ToList() : kept;
    }
}
