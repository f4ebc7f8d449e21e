using JasperFx.Events;
using Negotiations.Corrections;
using Negotiations.Validation;

namespace Negotiations.Understandings;

/// <summary>
/// The write model of an understanding: immutable, folded from its own stream. Stage and status keep
/// the event that set them, so a retracted or corrected change falls back to the one before.
/// </summary>
public sealed record Understanding(
    Guid Id,
    string Title,
    UnderstandingKind Kind,
    IReadOnlyList<Party> Parties,
    IReadOnlyList<Fact<PaxStage>> Stages,
    IReadOnlyList<Fact<Lifecycle>> Statuses,
    bool Retracted,
    long Version,
    Replacement? Replacing = null) : IWriteModel<Understanding>
{
    public PaxStage Stage => Stages.Current(PaxStage.Other);

    public Lifecycle Status => Statuses.Current(Lifecycle.Proposed);

    /// <summary>The fold. Pure: everything it uses comes from the events. A correction's replacement is the very next event.</summary>
    public static Understanding? Fold(Understanding? state, IEvent e)
    {
        var next = Advance(state, e);
        return e.Data is DevelopmentCorrected || next?.Replacing is null ? next : next with { Replacing = null };
    }

    /// <summary>One event folded in. Not named Apply: Marten would take that for a conventional projection method.</summary>
    private static Understanding? Advance(Understanding? state, IEvent e) => (state, e.Data) switch
    {
        (null, UnderstandingProposed p) => new(p.UnderstandingId, p.Title, p.Kind, p.Parties,
            Facts.Start(e.Id, p.Stage), Facts.Start(e.Id, Lifecycle.Proposed), false, e.Version),
        (null, _) => null,
        ({ } s, UnderstandingStageChanged c) => s with { Stages = s.Stages.With(e.Id, c.Stage, s.Replacing), Version = e.Version },
        ({ } s, UnderstandingLifecycleChanged c) => s with { Statuses = s.Statuses.With(e.Id, c.Status, s.Replacing), Version = e.Version },
        ({ } s, DevelopmentRetracted r) => s.Without(r.RetractedEventId) with { Version = e.Version },
        ({ } s, DevelopmentCorrected c) => s.Without(c.CorrectedEventId) with
        {
            Replacing = Facts.Place(c.CorrectedEventId, s.Stages.Ids(), s.Statuses.Ids()), Version = e.Version
        },
        ({ } s, _) => s with { Version = e.Version }
    };

    /// <summary>Every lifecycle change that stands is a move that makes sense from the status before it.</summary>
    public string? BrokenRule()
    {
        if (Retracted) return null;
        var statuses = Statuses.Values().ToList();
        for (var i = 1; i < statuses.Count; i++)
            if (statuses[i] != statuses[i - 1] && !LifecycleTransitions.CanMove(statuses[i - 1], statuses[i]))
                return $"The understanding would go from {statuses[i - 1].Word()} to {statuses[i].Word()}, a move that makes no sense; " +
                       $"from {statuses[i - 1].Word()} it can become: {string.Join(", ", LifecycleTransitions.From(statuses[i - 1]).Select(s => s.Word())).OrNone()}.";
        return null;
    }

    private Understanding Without(Guid eventId) => Stages[0].EventId == eventId
        ? this with { Retracted = true }
        : this with { Stages = Stages.Without(eventId), Statuses = Statuses.Without(eventId) };
}
