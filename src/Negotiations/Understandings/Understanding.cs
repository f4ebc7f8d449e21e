using System.Text.Json.Serialization;
using JasperFx.Events;
using Negotiations.Kernel;

namespace Negotiations.Understandings;

/// <summary>
/// The write model of an understanding: what its commands decide on (stage, lifecycle status, whether it was
/// retracted, the stream's version) and nothing more, so that a command costs the same on a long history as on a
/// short one. A correction or retraction folds the stream again as it stands (<see cref="AsItStands"/>).
/// </summary>
public sealed record Understanding(
    Guid Id,
    string Title,
    UnderstandingKind Kind,
    IReadOnlyList<Party> Parties,
    PaxStage Stage,
    Lifecycle Status,
    Guid ProposedBy,
    bool Retracted,
    long Version,
    [property: JsonIgnore] string? Broken = null) : IWriteModel<Understanding>
{
    public Understanding At(long version) => this with { Version = version };

    /// <summary>The fold. Pure: everything it uses comes from the events. Not named Apply: Marten would take that for a conventional projection method.</summary>
    public static Understanding? Fold(Understanding? state, IEvent e) => (state, e.Data) switch
    {
        (null, UnderstandingProposed p) => new(p.UnderstandingId, p.Title, p.Kind, p.Parties, p.Stage, Lifecycle.Proposed, e.Id, false, e.Version),
        (null, _) => null,
        ({ } s, UnderstandingStageChanged c) => s with { Stage = c.Stage, Version = e.Version },
        ({ } s, UnderstandingLifecycleChanged c) => s with
        {
            Status = c.Status, Broken = s.Broken ?? (c.Status == s.Status || LifecycleTransitions.CanMove(s.Status, c.Status) ? null : Senseless(s.Status, c.Status)),
            Version = e.Version
        },
        ({ } s, DevelopmentRetracted r) when r.RetractedEventId == s.ProposedBy => s with { Retracted = true, Version = e.Version },
        ({ } s, _) => s with { Version = e.Version }
    };

    /// <summary>Every lifecycle change that stands is a move that makes sense from the status before it.</summary>
    public string? BrokenRule() => Retracted ? null : Broken;

    private static string Senseless(Lifecycle from, Lifecycle to) =>
        $"The understanding would go from {from.Word()} to {to.Word()}, a move that makes no sense; " +
        $"from {from.Word()} it can become: {string.Join(", ", LifecycleTransitions.From(from).Select(s => s.Word())).OrNone()}.";
}
