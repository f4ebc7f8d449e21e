namespace Negotiations.Kernel;

/// <summary>
/// A concept's write model: folded purely from its own stream, and able to say which of its invariants it
/// breaks. Commands keep the invariants with their own checks before they append; a retraction or a correction
/// changes the past instead, so it folds the stream with what it would append and is refused if a rule breaks.
/// </summary>
public interface IWriteModel<TSelf> : IStreamModel<TSelf> where TSelf : class, IWriteModel<TSelf>
{
    /// <summary>The invariant this state breaks, said for a reader; null when it keeps them all. Pure.</summary>
    string? BrokenRule();
}
