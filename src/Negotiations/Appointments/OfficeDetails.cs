using JasperFx.Events;
using Negotiations.Kernel;

namespace Negotiations.Appointments;

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
/// An office as its readers see it: who holds it now and who held it before (the latest <see cref="Latest"/>, oldest
/// first, and how many in all), each tenure with its from/to dates and the events that opened and closed it (to cite
/// or correct them). Every appointment and departure is on the timeline. Folded from the office's stream; a correction
/// or retraction folds the stream again as it stands, so a corrected appointment or departure keeps its place.
/// </summary>
public sealed record OfficeDetails(
    Guid Id,
    string Title,
    string Jurisdiction,
    Guid FirstAppointment,
    IReadOnlyList<Tenure> Holders,
    IReadOnlyList<Tenure> FormerHolders,
    int FormerHolderCount,
    long Version) : IStreamModel<OfficeDetails>
{
    public const int Latest = 50;

    /// <summary>The tenures it keeps, former holders first.</summary>
    public IEnumerable<Tenure> Tenures() => FormerHolders.Concat(Holders);

    public OfficeDetails At(long version) => this with { Version = version };

    public static OfficeDetails? Fold(OfficeDetails? state, IEvent e) => (state, e.Data) switch
    {
        (null, OfficialAppointed a) => new OfficeDetails(a.OfficeId, a.Office, a.Jurisdiction, e.Id, [Open(e.Id, a)], [], 0, e.Version),
        (null, _) => null,
        ({ } s, OfficialAppointed a) => s with { Holders = [.. s.Holders, Open(e.Id, a)], Version = e.Version },
        ({ } s, OfficialDismissed d) => s.Left(d.Person, new Departure(e.Id, DepartureKind.Dismissed, d.DismissedBy, d.Reason, d.Provenance.Occurred))
            with { Version = e.Version },
        ({ } s, OfficialResigned r) => s.Left(r.Person, new Departure(e.Id, DepartureKind.Resigned, null, r.Reason, r.Provenance.Occurred))
            with { Version = e.Version },
        ({ } s, DevelopmentRetracted r) when r.RetractedEventId == s.FirstAppointment => s.WithoutFirst() with { Version = e.Version },
        ({ } s, _) => s with { Version = e.Version }
    };

    private static Tenure Open(Guid eventId, OfficialAppointed a) =>
        new(eventId, a.Person, a.AppointedBy, a.Affiliation, a.SingleHolder, a.UnderstandingIds, a.Provenance.Occurred, null);

    /// <summary>The holder's tenure ends; a departure of someone who does not hold the office closes nothing.</summary>
    private OfficeDetails Left(string person, Departure departure)
    {
        if (Holders.LastOrDefault(h => Office.SamePerson(h.Person, person)) is not { } closing) return this;
        List<Tenure> former = [.. FormerHolders, closing with { Left = departure }];
        return this with
        {
            Holders = Holders.Where(h => !ReferenceEquals(h, closing)).ToList(),
            FormerHolders = former.Count > Latest ? former.Skip(former.Count - Latest).ToList() : former,
            FormerHolderCount = FormerHolderCount + 1
        };
    }

    /// <summary>The first appointment taken back: the tenure it opened never was.</summary>
    private OfficeDetails WithoutFirst() => Holders.Any(h => h.AppointmentEventId == FirstAppointment)
        ? this with { Holders = Holders.Where(h => h.AppointmentEventId != FirstAppointment).ToList() }
        : this with
        {
            FormerHolders = FormerHolders.Where(t => t.AppointmentEventId != FirstAppointment).ToList(),
            FormerHolderCount = FormerHolderCount - 1
        };
}
