using Negotiations.Kernel;

namespace Negotiations.Understandings;

public sealed record UnderstandingProposed(
    Guid UnderstandingId,
    string Title,
    UnderstandingKind Kind,
    IReadOnlyList<Party> Parties,
    PaxStage Stage,
    Provenance Provenance,
    string? KindLabel = null,
    string? StageLabel = null) : IDevelopment, ILinksUnderstandings
{
    IReadOnlyList<Guid> ILinksUnderstandings.UnderstandingIds => [UnderstandingId];
}

public sealed record UnderstandingStageChanged(Guid UnderstandingId, PaxStage Stage, Provenance Provenance, string? StageLabel = null) : IFieldRules
{
    public static Problems Rules(Problems problems, PaxStage stage, string? label) =>
        problems.Defined("stage", stage).Labelled("stageLabel", stage, label, "stage");

    public Problems CheckFields(Problems problems) => Rules(problems, Stage, StageLabel);
}

public sealed record UnderstandingLifecycleChanged(Guid UnderstandingId, Lifecycle Status, string? Reason, Provenance Provenance) : IFieldRules
{
    public static Problems Rules(Problems problems, Lifecycle status, string? reason) =>
        problems.Defined("status", status).Text("reason", reason, required: false);

    public Problems CheckFields(Problems problems) => Rules(problems, Status, Reason);
}
