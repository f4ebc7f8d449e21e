using Negotiations.Kernel;

namespace Negotiations.Rounds;

public enum RoundStatus { Scheduled, Held, Postponed, Cancelled }

/// <summary>What a held round produced: a summary, the points agreed, and when it was held.</summary>
public sealed record RoundOutcome(string Summary, IReadOnlyList<string> Agreed, Occurrence HeldOn);
