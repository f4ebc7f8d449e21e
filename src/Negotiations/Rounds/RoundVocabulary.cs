using Negotiations.Sources;

namespace Negotiations.Rounds;

public enum RoundStatus { Scheduled, Held, Postponed, Cancelled }

/// <summary>Where a round stands and why (the reason given for a postponement or cancellation).</summary>
public sealed record RoundStanding(RoundStatus Status, string? Reason = null);

/// <summary>A change of plan: a new date and/or venue. A null part leaves the earlier one standing.</summary>
public sealed record RoundPlan(Occurrence? PlannedFor, string? Venue);

/// <summary>What a held round produced: a summary, the points agreed, and when it was held.</summary>
public sealed record RoundOutcome(string Summary, IReadOnlyList<string> Agreed, Occurrence HeldOn);
