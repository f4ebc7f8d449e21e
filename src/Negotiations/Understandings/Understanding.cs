using System.Text.Json.Serialization;
using JasperFx.Events;
using Negotiations.Kernel;

namespace Negotiations.Understandings;

/// <summary>
/// The write model of an understanding: what its commands decide on and nothing more. Its stage (with its label, for
/// "other") and lifecycle status (a change to the same one appends nothing; a lifecycle move must make sense), whether it was retracted (developments
/// that name it must name one that stands, <see cref="KnownUnderstandings"/>), the event that proposed it (whose
/// retraction retracts it) and the stream's version, so that a command costs the same on a long history as on a short
/// one. A correction or retraction folds the stream again as it stands (<see cref="AsItStands"/>). What a reader sees
/// of it is <see cref="UnderstandingDetails"/>.
/// </summary>
public sealed record Understanding(
    Guid Id,
    PaxStage Stage,
    Lifecycle Status,
    Guid ProposedBy,
    bool Retracted,
    long Version,
    [property: JsonIgnore] string? Broken = null,
    string? StageLabel = null) : IWriteModel<Understanding>, IRetractable
{
    public Understanding At(long version) => this with { Version = version };

    /// <summary>The fold. Pure: everything it uses comes from the events. Not named Apply: Marten would take that for a conventional projection method.</summary>
    public static Understanding? Fold(Understanding? state, IEvent e) => (state, e.Data) switch
    {
        (null, UnderstandingProposed p) => new(p.UnderstandingId, p.Stage, Lifecycle.Proposed, e.Id, false, e.Version, StageLabel: p.StageLabel),
        (null, _) => null,
        ({ } s, UnderstandingStageChanged c) => s with { Stage = c.Stage, StageLabel = c.StageLabel, Version = e.Version },
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
