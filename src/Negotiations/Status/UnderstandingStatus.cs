using JasperFx.Events;
using Negotiations.Appointments;
using Negotiations.Casualties;
using Negotiations.Commitments;
using Negotiations.Corrections;
using Negotiations.Links;
using Negotiations.Mechanisms;
using Negotiations.Rounds;
using Negotiations.Sources;
using Negotiations.Statements;
using Negotiations.Understandings;
using Negotiations.Zones;

namespace Negotiations.Status;

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
    public Understanding? Understanding { get; set; }
    public Dictionary<Guid, Round> Rounds { get; set; } = new();
    public Dictionary<Guid, Zone> Zones { get; set; } = new();
    public Dictionary<Guid, Mechanism> Mechanisms { get; set; } = new();
    public Dictionary<Guid, Office> Offices { get; set; } = new();
    public Dictionary<Guid, Commitment> Commitments { get; set; } = new();
    public Dictionary<Guid, CasualtyClaim> CasualtyClaims { get; set; } = new();
    public Dictionary<Guid, Statement> Statements { get; set; } = new();
    public List<LatestDevelopment> Latest { get; set; } = [];

    /// <summary>The global sequence of the last event folded in.</summary>
    public long Sequence { get; set; }

    /// <summary>Folds one event of the understanding's stream or of a stream linked to it. Deterministic: no clock, no I/O.</summary>
    public UnderstandingStatus Include(IEvent e)
    {
        var concept = e.Data is DevelopmentRetracted or DevelopmentCorrected ? ConceptHolding(e.StreamId) : StreamLink.ConceptOf(e.EventType);
        switch (concept)
        {
            case "Understandings": Understanding = Understanding.Fold(Understanding, e); break;
            case "Rounds": Fold(Rounds, e, Round.Fold); break;
            case "Zones": Fold(Zones, e, Zone.Fold); break;
            case "Mechanisms": Fold(Mechanisms, e, Mechanism.Fold); break;
            case "Appointments": Fold(Offices, e, Office.Fold); break;
            case "Commitments": Fold(Commitments, e, Commitment.Fold); break;
            case "Casualties": Fold(CasualtyClaims, e, CasualtyClaim.Fold); break;
            case "Statements": Fold(Statements, e, Statement.Fold); break;
        }

        if (e.Data is IDevelopment development || e.Data is DevelopmentRetracted or DevelopmentCorrected)
        {
            var provenance = (e.Data as IDevelopment)?.Provenance;
            Latest.Add(new LatestDevelopment(e.Id, e.Sequence, concept ?? "Unknown", e.EventTypeName, provenance?.Occurred, e.Timestamp, provenance?.Sources ?? []));
            if (Latest.Count > LatestKept) Latest.RemoveAt(0);
        }
        Sequence = Math.Max(Sequence, e.Sequence);
        return this;
    }

    private static void Fold<T>(Dictionary<Guid, T> models, IEvent e, Func<T?, IEvent, T?> fold) where T : class
    {
        var next = fold(models.GetValueOrDefault(e.StreamId), e);
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
        : null;
}
