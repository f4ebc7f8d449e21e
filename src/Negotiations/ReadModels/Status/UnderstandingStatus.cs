using JasperFx.Events;
using Negotiations.Appointments;
using Negotiations.Casualties;
using Negotiations.Commitments;
using Negotiations.ReadModels.Links;
using Negotiations.Mechanisms;
using Negotiations.Rounds;
using Negotiations.Kernel;
using Negotiations.Statements;
using Negotiations.Incidents;
using Negotiations.Understandings;
using Negotiations.Zones;

namespace Negotiations.ReadModels.Status;

/// <summary>A development as the status shows it among the latest: what, when, and who said so.</summary>
public sealed record LatestDevelopment(Guid EventId, long Sequence, string Concept, string Type, Occurrence? Occurred, DateTimeOffset Recorded, IReadOnlyList<Source> Sources);

/// <summary>
/// The status of one understanding, folded from its own stream and from every stream that concerns it
/// (rounds, zones, mechanisms, offices, commitments, casualty claims, statements). It holds each
/// linked stream's model, folded by that concept's own pure Fold, so the status never re-implements a
/// concept's rules, and corrections are honoured exactly as each concept honours them.
/// </summary>
public sealed class UnderstandingStatus
{
    public const int LatestKept = 10;

    public Guid Id { get; set; }
    public UnderstandingDetails? Understanding { get; set; }
    public Dictionary<Guid, RoundDetails> Rounds { get; set; } = new();
    public Dictionary<Guid, ZoneDetails> Zones { get; set; } = new();
    public Dictionary<Guid, MechanismDetails> Mechanisms { get; set; } = new();
    public Dictionary<Guid, OfficeDetails> Offices { get; set; } = new();
    public Dictionary<Guid, CommitmentDetails> Commitments { get; set; } = new();
    public Dictionary<Guid, CasualtyClaimDetails> CasualtyClaims { get; set; } = new();
    public Dictionary<Guid, Statement> Statements { get; set; } = new();
    public Dictionary<Guid, Incident> Incidents { get; set; } = new();
    public List<LatestDevelopment> Latest { get; set; } = [];

    /// <summary>The global sequence of the last event folded in.</summary>
    public long Sequence { get; set; }

    /// <summary>
    /// Folds one event of the understanding's stream or of a stream linked to it. Deterministic: no clock, no I/O.
    /// A correction or retraction folds its stream's part again from <paramref name="streamSoFar"/>: that stream's
    /// events up to it and its replacement, as the caller counts them (see <see cref="TakenBackStreams"/>); an event
    /// the part already holds (the replacement, folded with its correction) is not folded twice.
    /// </summary>
    public UnderstandingStatus Include(IEvent e, IReadOnlyList<IEvent>? streamSoFar = null)
    {
        var takesBack = AsItStands.TakesBack(e);
        var concept = takesBack ? ConceptHolding(e.StreamId) : Concepts.Of(e.EventType);
        var stream = takesBack ? streamSoFar ?? throw new ArgumentException("A correction or retraction needs its stream so far.", nameof(streamSoFar)) : null;
        switch (concept)
        {
            case "Understandings":
                if (stream is not null) Understanding = AsItStands.Fold<UnderstandingDetails>(stream);
                else if (!Holds(Understanding, e)) Understanding = UnderstandingDetails.Fold(Understanding, e);
                break;
            case "Rounds": Fold(Rounds, e, stream); break;
            case "Zones": Fold(Zones, e, stream); break;
            case "Mechanisms": Fold(Mechanisms, e, stream); break;
            case "Appointments": Fold(Offices, e, stream); break;
            case "Commitments": Fold(Commitments, e, stream); break;
            case "Casualties": Fold(CasualtyClaims, e, stream); break;
            case "Statements": Fold(Statements, e, stream); break;
            case "Incidents": Fold(Incidents, e, stream); break;
        }

        if (e.Data is IDevelopment development || takesBack)
        {
            var provenance = (e.Data as IDevelopment)?.Provenance;
            Latest.Add(new LatestDevelopment(e.Id, e.Sequence, concept ?? "Unknown", e.EventTypeName, provenance?.Occurred, e.Timestamp, provenance?.Sources ?? []));
            if (Latest.Count > LatestKept) Latest.RemoveAt(0);
        }
        Sequence = Math.Max(Sequence, e.Sequence);
        return this;
    }

    private static bool Holds<T>(T? model, IEvent e) where T : class, IStreamModel<T> => model is not null && e.Version > 0 && e.Version <= model.Version;

    private static void Fold<T>(Dictionary<Guid, T> models, IEvent e, IReadOnlyList<IEvent>? stream) where T : class, IStreamModel<T>
    {
        var held = models.GetValueOrDefault(e.StreamId);
        if (stream is null && Holds(held, e)) return;
        var next = stream is null ? T.Fold(held, e) : AsItStands.Fold<T>(stream);
        if (next is null) models.Remove(e.StreamId);
        else models[e.StreamId] = next;
    }

    private string? ConceptHolding(Guid streamId) =>
        Understanding?.Id == streamId ? "Understandings"
        : Rounds.ContainsKey(streamId) ? "Rounds"
        : Zones.ContainsKey(streamId) ? "Zones"
        : Mechanisms.ContainsKey(streamId) ? "Mechanisms"
        : Offices.ContainsKey(streamId) ? "Appointments"
        : Commitments.ContainsKey(streamId) ? "Commitments"
        : CasualtyClaims.ContainsKey(streamId) ? "Casualties"
        : Statements.ContainsKey(streamId) ? "Statements"
        : Incidents.ContainsKey(streamId) ? "Incidents"
        : null;
}
