using System.Text.Json.Serialization;
using JasperFx.Events;
using Negotiations.Kernel;

namespace Negotiations.Mechanisms;

/// <summary>A meeting as the check for the same meeting sent again knows it: when, and what it was about.</summary>
public sealed record MeetingKey(Occurrence On, string Summary);

/// <summary>
/// The write model of an oversight mechanism: what its commands decide on and nothing more. Who sits on it (and
/// who sat on it once, so that a departure sent again is satisfied), and the latest meetings and report titles, so
/// that the same one sent again appends nothing: the check looks back <see cref="Recent"/> of each, not at the whole
/// history, so that a command costs the same on a long history as on a short one (an Idempotency-Key makes any resend
/// safe). A correction or retraction folds the stream again as it stands (<see cref="AsItStands"/>). What a reader
/// sees of it is <see cref="MechanismDetails"/>.
/// </summary>
public sealed record Mechanism(
    Guid Id,
    string Name,
    Guid EstablishedBy,
    IReadOnlyList<MechanismMember> Members,
    IReadOnlyList<string> FormerMembers,
    IReadOnlyList<MeetingKey> RecentMeetings,
    IReadOnlyList<string> RecentReportTitles,
    bool Retracted,
    long Version,
    [property: JsonIgnore] string? Broken = null) : IWriteModel<Mechanism>
{
    public const int Recent = 50;

    public Mechanism At(long version) => this with { Version = version };

    public MechanismMember? Member(string name) => Members.Named(name);

    /// <summary>
    /// Membership replays in order: nobody joins while sitting on the body, nobody leaves without sitting on
    /// it, and it has at most <see cref="MechanismRules.MaxMembers"/> members.
    /// </summary>
    public string? BrokenRule() => Retracted ? null : Broken;

    /// <summary>The fold. Pure: everything it uses comes from the events. Not named Apply: Marten would take that for a conventional projection method.</summary>
    public static Mechanism? Fold(Mechanism? state, IEvent e) => (state, e.Data) switch
    {
        (null, MechanismEstablished m) => new Mechanism(m.MechanismId, m.Name, e.Id, [], [], [], [], false, e.Version)
            .Joined(m.Members),
        (null, _) => null,
        ({ } s, MechanismMemberAdded a) => s.Joined([a.Member]) with { Version = e.Version },
        ({ } s, MechanismMemberLeft l) => s.Left(l.Member) with { Version = e.Version },
        ({ } s, MechanismMeetingHeld m) => s with { RecentMeetings = Last([.. s.RecentMeetings, new MeetingKey(m.Provenance.Occurred, m.Summary)]), Version = e.Version },
        ({ } s, MechanismReportPublished r) => s with { RecentReportTitles = Last([.. s.RecentReportTitles, r.Title]), Version = e.Version },
        ({ } s, DevelopmentRetracted r) when r.RetractedEventId == s.EstablishedBy => s with { Retracted = true, Version = e.Version },
        ({ } s, _) => s with { Version = e.Version }
    };

    private static IReadOnlyList<T> Last<T>(IReadOnlyList<T> items) => items.Count > Recent ? items.Skip(items.Count - Recent).ToList() : items;

    private Mechanism Joined(IEnumerable<MechanismMember> joining) => joining.Aggregate(this, (state, member) =>
    {
        var (members, former, broken) = Membership.Join(state.Members, state.FormerMembers, member, Name);
        return state with { Members = members, FormerMembers = former, Broken = state.Broken ?? broken };
    });

    private Mechanism Left(string name)
    {
        var (members, former, broken) = Membership.Leave(Members, FormerMembers, name, Name);
        return this with { Members = members, FormerMembers = former, Broken = Broken ?? broken };
    }
}
