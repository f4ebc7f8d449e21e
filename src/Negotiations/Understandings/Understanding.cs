namespace Negotiations.Understandings;

/// <summary>The write model of an understanding: immutable, folded from its own stream.</summary>
public sealed record Understanding(
    Guid Id,
    string Title,
    UnderstandingKind Kind,
    IReadOnlyList<Party> Parties,
    PaxStage Stage,
    Lifecycle Status,
    int Version)
{
    public static Understanding Create(UnderstandingProposed e) =>
        new(e.UnderstandingId, e.Title, e.Kind, e.Parties, e.Stage, Lifecycle.Proposed, 1);

    public Understanding Apply(UnderstandingStageChanged e) => this with { Stage = e.Stage };

    public Understanding Apply(UnderstandingLifecycleChanged e) => this with { Status = e.Status };
}
