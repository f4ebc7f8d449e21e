using JasperFx.Events;
using Negotiations.Kernel;

namespace Negotiations.Understandings;

/// <summary>
/// An understanding as its readers see it: title, kind and stage (each with its label when it is "other"), parties, PA-X stage and lifecycle status, whether it was
/// retracted, the stream's version, and the event that proposed it (to cite or correct it). Folded from the
/// understanding's stream; a correction or retraction folds the stream again as it stands.
/// </summary>
public sealed record UnderstandingDetails(
    Guid Id,
    string Title,
    UnderstandingKind Kind,
    IReadOnlyList<Party> Parties,
    PaxStage Stage,
    Lifecycle Status,
    Guid ProposedBy,
    bool Retracted,
    long Version,
    string? KindLabel = null,
    string? StageLabel = null) : IStreamModel<UnderstandingDetails>
{
    public UnderstandingDetails At(long version) => this with { Version = version };

    public static UnderstandingDetails? Fold(UnderstandingDetails? state, IEvent e) => (state, e.Data) switch
    {
        (null, UnderstandingProposed p) => new(p.UnderstandingId, p.Title, p.Kind, p.Parties, p.Stage, Lifecycle.Proposed, e.Id, false, e.Version, p.KindLabel, p.StageLabel),
        (null, _) => null,
        ({ } s, UnderstandingStageChanged c) => s with { Stage = c.Stage, StageLabel = c.StageLabel, Version = e.Version },
        ({ } s, UnderstandingLifecycleChanged c) => s with { Status = c.Status, Version = e.Version },
        ({ } s, DevelopmentRetracted r) when r.RetractedEventId == s.ProposedBy => s with { Retracted = true, Version = e.Version },
        ({ } s, _) => s with { Version = e.Version }
    };
}
