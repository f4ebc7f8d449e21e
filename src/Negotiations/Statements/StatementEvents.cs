using Negotiations.Kernel;
using Negotiations.Understandings;

namespace Negotiations.Statements;

/// <summary>
/// Someone spoke publicly about one or more understandings: who (and for whom), in which role, the gist of
/// what was said, and where. When it was said is the provenance's occurred date.
/// </summary>
public sealed record StatementMade(
    Guid StatementId,
    string Speaker,
    string? OnBehalfOf,
    PartyRole Role,
    string Summary,
    string? Place,
    IReadOnlyList<Guid> UnderstandingIds,
    Provenance Provenance) : IDevelopment, ILinksUnderstandings;
