using JasperFx.Events;
using Negotiations.Kernel;

namespace Negotiations.Incidents;

/// <summary>
/// An incident, folded from its own one-event stream (as it stands, <see cref="AsItStands"/>). Like a statement it is
/// not changed afterwards: a wrongly recorded incident is retracted and logged anew, which the fold honours. No command
/// decides on it once reported, so what it holds is what readers show: it is its own read model.
/// </summary>
public sealed record Incident(
    Guid Id,
    IncidentKind Kind,
    string? KindLabel,
    string Summary,
    IReadOnlyList<Actor> Actors,
    Place Place,
    IReadOnlyList<Guid> UnderstandingIds,
    Occurrence Occurred,
    IReadOnlyList<Source> Sources,
    Guid ReportedBy,
    bool Retracted,
    long Version,
    IReadOnlyList<Guid>? CasualtyClaimIds = null) : IWriteModel<Incident>, IRetractable
{
    public Incident At(long version) => this with { Version = version };

    /// <summary>An incident is one development; its rules are those of its fields.</summary>
    public string? BrokenRule() => null;

    public static Incident? Fold(Incident? state, IEvent e) => (state, e.Data) switch
    {
        (null, IncidentReported r) => new(r.IncidentId, r.Kind, r.KindLabel, r.Summary, r.Actors, r.Place, r.UnderstandingIds,
            r.Provenance.Occurred, r.Provenance.Sources, e.Id, false, e.Version, r.CasualtyClaimIds ?? []),
        (null, _) => null,
        ({ } i, DevelopmentRetracted r) when r.RetractedEventId == i.ReportedBy => i with { Retracted = true, Version = e.Version },
        ({ } i, _) => i with { Version = e.Version }
    };
}
