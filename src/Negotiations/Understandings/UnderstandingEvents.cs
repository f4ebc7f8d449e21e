using Negotiations.Links;
using Negotiations.Sources;

namespace Negotiations.Understandings;

public sealed record UnderstandingProposed(
    Guid UnderstandingId,
    string Title,
    UnderstandingKind Kind,
    IReadOnlyList<Party> Parties,
    PaxStage Stage,
    Provenance Provenance) : IDevelopment, ILinksUnderstandings
{
    IReadOnlyList<Guid> ILinksUnderstandings.UnderstandingIds => [UnderstandingId];
}

public sealed record UnderstandingStageChanged(Guid UnderstandingId, PaxStage Stage, Provenance Provenance) : IDevelopment;

public sealed record UnderstandingLifecycleChanged(Guid UnderstandingId, Lifecycle Status, string? Reason, Provenance Provenance) : IDevelopment;
