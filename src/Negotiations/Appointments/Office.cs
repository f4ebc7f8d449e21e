using JasperFx.Events;
using Negotiations.Corrections;
using Negotiations.Sources;

namespace Negotiations.Appointments;

public enum DepartureKind { Dismissed, Resigned }

/// <summary>How a holder left office, and when (the provenance's occurred date of the dismissal or resignation).</summary>
public sealed record Departure(Guid EventId, DepartureKind Kind, string? By, string? Reason, Occurrence On);

/// <summary>One person's time in an office, opened by an appointment event and closed by a departure.</summary>
public sealed record Tenure(
    Guid AppointmentEventId,
    string Person,
    string AppointedBy,
    string? Affiliation,
    bool SingleHolder,
    IReadOnlyList<Guid> UnderstandingIds,
    Occurrence From,
    Departure? Left)
{
    public Occurrence? To => Left?.On;
}

/// <summary>
/// An office in a jurisdiction (e.g. internal security chief of Sweida province) and who held it. Each tenure
/// is keyed by the event that opened it and its departure by the event that closed it, so a retraction or
/// correction takes either back.
/// </summary>
public sealed record Office(Guid Id, string Title, string Jurisdiction, IReadOnlyList<Tenure> Tenures, long Version)
{
    /// <summary>Who holds the office now (one for a single-holder office).</summary>
    public IReadOnlyList<Tenure> Holders => Tenures.Where(t => t.Left is null).ToList();

    /// <summary>Who held it before, oldest first.</summary>
    public IReadOnlyList<Tenure> FormerHolders => Tenures.Where(t => t.Left is not null).ToList();

    public Tenure? HeldBy(string person) => Tenures.LastOrDefault(t => t.Left is null && SamePerson(t.Person, person));

    public Tenure? LastTenureOf(string person) => Tenures.LastOrDefault(t => SamePerson(t.Person, person));

    public static bool SamePerson(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    public static Office? Fold(Office? state, IEvent e) => (state, e.Data) switch
    {
        (null, OfficialAppointed a) => new(a.OfficeId, a.Office, a.Jurisdiction, [Open(e.Id, a)], e.Version),
        (null, _) => null,
        ({ } s, OfficialAppointed a) => s with { Tenures = [.. s.Tenures, Open(e.Id, a)], Version = e.Version },
        ({ } s, OfficialDismissed d) => s.Close(d.Person, new Departure(e.Id, DepartureKind.Dismissed, d.DismissedBy, d.Reason, d.Provenance.Occurred)) with { Version = e.Version },
        ({ } s, OfficialResigned r) => s.Close(r.Person, new Departure(e.Id, DepartureKind.Resigned, null, r.Reason, r.Provenance.Occurred)) with { Version = e.Version },
        ({ } s, DevelopmentRetracted r) => s.Without(r.RetractedEventId) with { Version = e.Version },
        ({ } s, DevelopmentCorrected c) => s.Without(c.CorrectedEventId) with { Version = e.Version },
        ({ } s, _) => s with { Version = e.Version }
    };

    private static Tenure Open(Guid eventId, OfficialAppointed a) =>
        new(eventId, a.Person, a.AppointedBy, a.Affiliation, a.SingleHolder, a.UnderstandingIds, a.Provenance.Occurred, null);

    private Office Close(string person, Departure departure) => HeldBy(person) is { } open
        ? this with { Tenures = Tenures.Select(t => ReferenceEquals(t, open) ? t with { Left = departure } : t).ToList() }
        : this;

    /// <summary>A retracted appointment never happened; a retracted departure leaves the holder in office.</summary>
    private Office Without(Guid eventId) => this with
    {
        Tenures = Tenures.Where(t => t.AppointmentEventId != eventId)
            .Select(t => t.Left?.EventId == eventId ? t with { Left = null } : t).ToList()
    };
}
