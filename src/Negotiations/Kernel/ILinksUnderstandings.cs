namespace Negotiations.Kernel;

/// <summary>An event that ties its stream (a round, a zone, a commitment...) to the understandings it concerns.</summary>
public interface ILinksUnderstandings
{
    IReadOnlyList<Guid> UnderstandingIds { get; }
}
