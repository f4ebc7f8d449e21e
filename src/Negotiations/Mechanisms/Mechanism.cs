using JasperFx.Events;
using Negotiations.Corrections;
using Negotiations.Sources;

namespace Negotiations.Mechanisms;

/// <summary>A change of membership, kept in stream order so that taking one back re-derives who sits on the body.</summary>
public sealed record MembershipChange(string Name, MemberRole? Role, bool Joined, Occurrence On);

public sealed record Meeting(Occurrence On, IReadOnlyList<string> Attendees, string Summary, string? Venue);

public sealed record MechanismReport(string Title, string Summary, string? Citation, Occurrence On);

/// <summary>
/// The write model of an oversight mechanism, folded from its own stream. Membership, meetings and
/// reports are kept keyed by the event that told them, so that a retraction or correction takes them back.
/// </summary>
public sealed record Mechanism(
    Guid Id,
    string Name,
    string Mandate,
    IReadOnlyList<Guid> OverseenUnderstandingIds,
    Guid? EstablishedUnder,
    Occurrence Established,
    Guid EstablishedEventId,
    IReadOnlyList<Fact<MembershipChange>> MembershipChanges,
    IReadOnlyList<Fact<Meeting>> Meetings,
    IReadOnlyList<Fact<MechanismReport>> Reports,
    bool Retracted,
    long Version,
    Replacement? Replacing = null) : IWriteModel<Mechanism>
{
    public Mechanism At(long version) => this with { Version = version };

    /// <summary>
    /// Membership replays in order: nobody joins while sitting on the body, nobody leaves without sitting on
    /// it, and it has at most <see cref="MechanismRules.MaxMembers"/> members.
    /// </summary>
    public string? BrokenRule()
    {
        if (Retracted) return null;
        var sitting = new List<string>();
        foreach (var change in MembershipChanges.Values())
        {
            var seat = sitting.FindIndex(name => MemberNames.Same(name, change.Name));
            if (change.Joined && seat >= 0) return $"{change.Name} would join {Name} while already sitting on it.";
            if (!change.Joined && seat < 0) return $"{change.Name} would leave {Name} without sitting on it.";
            if (change.Joined) sitting.Add(change.Name);
            else sitting.RemoveAt(seat);
            if (sitting.Count > MechanismRules.MaxMembers) return $"{Name} would have more than {MechanismRules.MaxMembers} members.";
        }
        return null;
    }

    /// <summary>Who sits on the mechanism now: replays the membership changes that stand, in order.</summary>
    public IReadOnlyList<MechanismMember> Members => MembershipChanges.Values()
        .Aggregate(new List<MechanismMember>(), (members, change) =>
        {
            members.RemoveAll(m => MemberNames.Same(m.Name, change.Name));
            if (change.Joined) members.Add(new MechanismMember(change.Name, change.Role ?? MemberRole.Member));
            return members;
        });

    /// <summary>Those who sat on it once and left since.</summary>
    public IReadOnlyList<string> FormerMembers => MembershipChanges.Values()
        .Where(c => !c.Joined).Select(c => c.Name)
        .Where(name => !Members.Any(m => MemberNames.Same(m.Name, name)))
        .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public MechanismMember? Member(string name) => Members.FirstOrDefault(m => MemberNames.Same(m.Name, name));

    /// <summary>The fold. Pure: everything it uses comes from the events. A correction's replacement is the very next event.</summary>
    public static Mechanism? Fold(Mechanism? state, IEvent e)
    {
        var next = Advance(state, e);
        return e.Data is DevelopmentCorrected || next?.Replacing is null ? next : next with { Replacing = null };
    }

    /// <summary>One event folded in. Not named Apply: Marten would take that for a conventional projection method.</summary>
    private static Mechanism? Advance(Mechanism? state, IEvent e) => (state, e.Data) switch
    {
        (null, MechanismEstablished m) => new(m.MechanismId, m.Name, m.Mandate, m.OverseenUnderstandingIds, m.EstablishedUnder,
            m.Provenance.Occurred, e.Id,
            m.Members.Select(member => new Fact<MembershipChange>(e.Id, new(member.Name, member.Role, true, m.Provenance.Occurred))).ToList(),
            [], [], false, e.Version),
        (null, _) => null,
        ({ } s, MechanismMemberAdded a) => s with
        {
            MembershipChanges = s.MembershipChanges.With(e.Id, new MembershipChange(a.Member.Name, a.Member.Role, true, a.Provenance.Occurred), s.Replacing),
            Version = e.Version
        },
        ({ } s, MechanismMemberLeft l) => s with
        {
            MembershipChanges = s.MembershipChanges.With(e.Id, new MembershipChange(l.Member, null, false, l.Provenance.Occurred), s.Replacing),
            Version = e.Version
        },
        ({ } s, MechanismMeetingHeld m) => s with
        {
            Meetings = s.Meetings.With(e.Id, new Meeting(m.Provenance.Occurred, m.Attendees, m.Summary, m.Venue), s.Replacing), Version = e.Version
        },
        ({ } s, MechanismReportPublished r) => s with
        {
            Reports = s.Reports.With(e.Id, new MechanismReport(r.Title, r.Summary, r.Citation, r.Provenance.Occurred), s.Replacing), Version = e.Version
        },
        ({ } s, DevelopmentRetracted r) => s.Without(r.RetractedEventId) with { Version = e.Version },
        ({ } s, DevelopmentCorrected c) => s.Without(c.CorrectedEventId) with
        {
            Replacing = Facts.Place(c.CorrectedEventId, s.MembershipChanges.Ids(), s.Meetings.Ids(), s.Reports.Ids()), Version = e.Version
        },
        ({ } s, _) => s with { Version = e.Version }
    };

    private Mechanism Without(Guid eventId) => eventId == EstablishedEventId
        ? this with { Retracted = true }
        : this with
        {
            MembershipChanges = MembershipChanges.Without(eventId),
            Meetings = Meetings.Without(eventId),
            Reports = Reports.Without(eventId)
        };
}
