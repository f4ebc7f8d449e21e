using Negotiations.Kernel;

namespace Negotiations.Casualties;

/// <summary>
/// UCDP-style figures: Best is the source's own figure; Low and High bound it when the source gives
/// bounds ("more than 2,000" is Low 2000, no High). Low &lt;= Best &lt;= High.
/// </summary>
public sealed record CasualtyFigures(int? Low, int? Best, int? High);

/// <summary>A part of the toll the source singles out (e.g. civilians, executions); Alleged marks what the source itself calls alleged.</summary>
public sealed record CasualtyBreakdown(string Category, int Count, bool Alleged = false);

/// <summary>One version of a source's figures, as first published or as revised, with the event that gave it.</summary>
public sealed record CasualtyCount(Guid EventId, CasualtyFigures Figures, IReadOnlyList<CasualtyBreakdown> Breakdown, string? Note, Occurrence Reported);

/// <summary>Another source contests the claim, in the event that said so.</summary>
public sealed record CasualtyDispute(Guid EventId, string DisputedBy, string Reason, Occurrence Occurred);
