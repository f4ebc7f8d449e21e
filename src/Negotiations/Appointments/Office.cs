using JasperFx.Events;
using Negotiations.Kernel;

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
/// A correction under way: the appointment or departure it took back, and the tenure as that development
/// left it, so that the replacement (the next event) takes its place instead of being logged anew.
/// </summary>
public sealed record PendingCorrection(Guid EventId, Tenure Tenure, int Position);

/// <summary>
/// An office in a jurisdiction (e.g. internal security chief of Sweida province) and who held it. Each tenure
/// is keyed by the event that opened it and its departure by the event that closed it, so a retraction or
/// correction takes either back. A corrected appointment or departure keeps its place in the order of
/// tenures: the replacement changes its details, not what came after it.
/// </summary>
public sealed record Office(Guid Id, string Title, string Jurisdiction, IReadOnlyList<Tenure> Tenures, long Version, PendingCorrection? Replacing = null)
    : IWriteModel<Office>
{
    public Office At(long version) => this with { Version = version };

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
        ({ } s, OfficialAppointed a) => s.Appointed(Open(e.Id, a)) with { Replacing = null, Version = e.Version },
        ({ } s, OfficialDismissed d) => s.Left(d.Person, new Departure(e.Id, DepartureKind.Dismissed, d.DismissedBy, d.Reason, d.Provenance.Occurred))
            with { Replacing = null, Version = e.Version },
        ({ } s, OfficialResigned r) => s.Left(r.Person, new Departure(e.Id, DepartureKind.Resigned, null, r.Reason, r.Provenance.Occurred))
            with { Replacing = null, Version = e.Version },
        ({ } s, DevelopmentRetracted r) => s.Without(r.RetractedEventId) with { Replacing = null, Version = e.Version },
        ({ } s, DevelopmentCorrected c) => s.Correcting(c.CorrectedEventId) with { Version = e.Version },
        ({ } s, _) => s with { Replacing = null, Version = e.Version }
    };

    /// <summary>
    /// The invariants every command keeps, and that a retraction or correction must not break: a single-holder
    /// office has one holder at a time, nobody holds an office twice at once, and nobody leaves before being appointed.
    /// </summary>
    public string? BrokenRule()
    {
        var holders = Holders;
        if (holders.Count > 1 && holders.Any(h => h.SingleHolder))
            return $"{Title} ({Jurisdiction}) would have {holders.Count} holders at once ({string.Join(", ", holders.Select(h => h.Person))}); " +
                   "a single-holder office has one holder at a time.";
        if (holders.GroupBy(h => h.Person.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return $"{twice.Key} would hold {Title} ({Jurisdiction}) twice at once.";
        if (Tenures.FirstOrDefault(t => t.Left is { } left && left.On.Latest < t.From.From) is { Left: { } early } tenure)
            return $"{tenure.Person} would leave {Title} ({Jurisdiction}) ({early.Kind.Word()} on {early.On.From:yyyy-MM-dd}) " +
                   $"before being appointed on {tenure.From.From:yyyy-MM-dd}.";
        return null;
    }

    private static Tenure Open(Guid eventId, OfficialAppointed a) =>
        new(eventId, a.Person, a.AppointedBy, a.Affiliation, a.SingleHolder, a.UnderstandingIds, a.Provenance.Occurred, null);

    /// <summary>A new tenure at the end; a corrected appointment's replacement where the original stood, with how it ended.</summary>
    private Office Appointed(Tenure opened) => Replacing is { } pending && pending.Tenure.AppointmentEventId == pending.EventId
        ? this with { Tenures = [.. Tenures.Take(pending.Position), opened with { Left = pending.Tenure.Left }, .. Tenures.Skip(pending.Position)] }
        : this with { Tenures = [.. Tenures, opened] };

    /// <summary>The holder's open tenure ends; a corrected departure's replacement ends the tenure the original ended.</summary>
    private Office Left(string person, Departure departure)
    {
        var closing = Replacing is { } pending && pending.Tenure.Left?.EventId == pending.EventId
            ? Tenures.FirstOrDefault(t => t.AppointmentEventId == pending.Tenure.AppointmentEventId)
            : HeldBy(person);
        return closing is null ? this : this with { Tenures = Tenures.Select(t => ReferenceEquals(t, closing) ? t with { Left = departure } : t).ToList() };
    }

    /// <summary>Until its replacement comes, a corrected development counts as retracted; where it stood is remembered.</summary>
    private Office Correcting(Guid eventId)
    {
        var position = Tenures.ToList().FindIndex(t => t.AppointmentEventId == eventId || t.Left?.EventId == eventId);
        return Without(eventId) with { Replacing = position < 0 ? null : new PendingCorrection(eventId, Tenures[position], position) };
    }

    /// <summary>A retracted appointment never happened; a retracted departure leaves the holder in office.</summary>
    private Office Without(Guid eventId) => this with
    {
        Tenures = Tenures.Where(t => t.AppointmentEventId != eventId)
            .Select(t => t.Left?.EventId == eventId ? t with { Left = null } : t).ToList()
    };
}
