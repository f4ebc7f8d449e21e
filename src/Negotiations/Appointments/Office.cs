using System.Text.Json.Serialization;
using JasperFx.Events;
using Negotiations.Kernel;

namespace Negotiations.Appointments;

[Vocabulary("departure-kind", "How officials leave office")]
public enum DepartureKind
{
    [Definition("Removed from office by another.")]
    Dismissed,
    [Definition("Left office on their own decision.")]
    Resigned
}

/// <summary>Someone who holds the office now, as its commands know them: who, since when, and whether they hold it alone.</summary>
public sealed record Holder(Guid AppointmentEventId, string Person, bool SingleHolder, Occurrence From);

/// <summary>Someone who left the office, as the check for the same departure sent again knows it.</summary>
public sealed record Departed(Guid AppointmentEventId, string Person, DepartureKind Kind, Occurrence On);

/// <summary>
/// The write model of an office in a jurisdiction (e.g. internal security chief of Sweida province): what its commands
/// decide on and nothing more. Who holds it now, and the latest <see cref="Recent"/> departures, so that a departure
/// sent again is satisfied: the check looks back that far, not at the whole history, so that a command costs the same
/// on a long history as on a short one (an Idempotency-Key makes any resend safe). A correction or retraction folds the
/// stream again as it stands (<see cref="AsItStands"/>). What a reader sees of it is <see cref="OfficeDetails"/>.
/// </summary>
public sealed record Office(
    Guid Id,
    string Title,
    string Jurisdiction,
    Guid FirstAppointment,
    IReadOnlyList<Holder> Holders,
    IReadOnlyList<Departed> RecentlyLeft,
    long Version,
    [property: JsonIgnore] string? Broken = null) : IWriteModel<Office>
{
    public const int Recent = 50;

    public Office At(long version) => this with { Version = version };

    public Holder? HeldBy(string person) => Holders.LastOrDefault(h => SamePerson(h.Person, person));

    /// <summary>How the person last left the office, among the latest departures.</summary>
    public Departed? LastDepartureOf(string person) => RecentlyLeft.LastOrDefault(d => SamePerson(d.Person, person));

    public static bool SamePerson(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The invariants every command keeps, and that a retraction or correction must not break: a single-holder
    /// office has one holder at a time, nobody holds an office twice at once, and nobody leaves before being
    /// appointed. The first one the stream breaks, noted while it folds.
    /// </summary>
    public string? BrokenRule() => Broken;

    /// <summary>The fold. Pure: everything it uses comes from the events. Not named Apply: Marten would take that for a conventional projection method.</summary>
    public static Office? Fold(Office? state, IEvent e) => (state, e.Data) switch
    {
        (null, OfficialAppointed a) => new Office(a.OfficeId, a.Office, a.Jurisdiction, e.Id, [], [], e.Version).Appointed(e.Id, a),
        (null, _) => null,
        ({ } s, OfficialAppointed a) => s.Appointed(e.Id, a) with { Version = e.Version },
        ({ } s, OfficialDismissed d) => s.Left(d.Person, DepartureKind.Dismissed, d.Provenance.Occurred) with { Version = e.Version },
        ({ } s, OfficialResigned r) => s.Left(r.Person, DepartureKind.Resigned, r.Provenance.Occurred) with { Version = e.Version },
        // The first appointment taken back: that tenure never was (every other one taken back is out of the stream as it stands).
        ({ } s, DevelopmentRetracted r) when r.RetractedEventId == s.FirstAppointment => s with
        {
            Holders = s.Holders.Where(h => h.AppointmentEventId != r.RetractedEventId).ToList(),
            RecentlyLeft = s.RecentlyLeft.Where(d => d.AppointmentEventId != r.RetractedEventId).ToList(),
            Version = e.Version
        },
        ({ } s, _) => s with { Version = e.Version }
    };

    private Office Appointed(Guid eventId, OfficialAppointed a)
    {
        List<Holder> holders = [.. Holders, new Holder(eventId, a.Person, a.SingleHolder, a.Provenance.Occurred)];
        return this with { Holders = holders, Broken = Broken ?? Crowded(holders) };
    }

    private string? Crowded(IReadOnlyList<Holder> holders)
    {
        if (holders.Count > 1 && holders.Any(h => h.SingleHolder))
            return $"{Title} ({Jurisdiction}) would have {holders.Count} holders at once ({string.Join(", ", holders.Select(h => h.Person))}); " +
                   "a single-holder office has one holder at a time.";
        return holders.GroupBy(h => h.Person.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice
            ? $"{twice.Key} would hold {Title} ({Jurisdiction}) twice at once."
            : null;
    }

    /// <summary>
    /// The holder's tenure ends. A departure of someone who does not hold the office closes nothing: it left with the
    /// appointment it ended, when that was taken back.
    /// </summary>
    private Office Left(string person, DepartureKind kind, Occurrence on)
    {
        if (HeldBy(person) is not { } holder) return this;
        var early = on.Latest < holder.From.From
            ? $"{holder.Person} would leave {Title} ({Jurisdiction}) ({kind.Word()} on {on.From:yyyy-MM-dd}) before being appointed on {holder.From.From:yyyy-MM-dd}."
            : null;
        List<Departed> left = [.. RecentlyLeft, new Departed(holder.AppointmentEventId, holder.Person, kind, on)];
        return this with
        {
            Holders = Holders.Where(h => !ReferenceEquals(h, holder)).ToList(),
            RecentlyLeft = left.Count > Recent ? left.Skip(left.Count - Recent).ToList() : left,
            Broken = Broken ?? early
        };
    }
}
