namespace Negotiations.Kernel;

/// <summary>An earlier development was withdrawn: it should not have been recorded. It stays in the history.</summary>
public sealed record DevelopmentRetracted(Guid RetractedEventId, string RetractedType, string Reason);

/// <summary>
/// An earlier development was wrong in its details. The replacement is the next event of the same
/// stream, of the same type; the original stays in the history.
/// </summary>
public sealed record DevelopmentCorrected(Guid CorrectedEventId, string CorrectedType, string Reason);
