using Negotiations.Links;
using Negotiations.Sources;

namespace Negotiations.Commitments;

public sealed record CommitmentMade(
    Guid CommitmentId,
    Guid UnderstandingId,
    string Text,
    CommitmentCategory Category,
    string ResponsibleParty,
    IReadOnlyList<string> Backers,
    DateOnly? Deadline,
    Provenance Provenance) : IDevelopment, ILinksUnderstandings
{
    IReadOnlyList<Guid> ILinksUnderstandings.UnderstandingIds => [UnderstandingId];
}

/// <summary>The deadline moved, or was lifted (no deadline).</summary>
public sealed record CommitmentDeadlineChanged(Guid CommitmentId, DateOnly? Deadline, string? Reason, Provenance Provenance) : IDevelopment;

public sealed record ImplementationStepReported(Guid CommitmentId, string Party, string Description, Provenance Provenance) : IDevelopment;

/// <summary>Implementation judged on the 0-3 scale; Evidence names the events (of any stream) the rationale rests on.</summary>
public sealed record ImplementationAssessed(Guid CommitmentId, int Level, string Rationale, IReadOnlyList<Guid> Evidence, Provenance Provenance) : IDevelopment;

/// <summary>The commitment was taken back (by its responsible party or by the parties together).</summary>
public sealed record CommitmentReversed(Guid CommitmentId, string Reason, Provenance Provenance) : IDevelopment;

/// <summary>A reversed commitment was taken up again.</summary>
public sealed record CommitmentReaffirmed(Guid CommitmentId, string? Reason, Provenance Provenance) : IDevelopment;

/// <summary>A party acted against the commitment while it stood.</summary>
public sealed record CommitmentBreached(Guid CommitmentId, string Party, string Reason, Provenance Provenance) : IDevelopment;
