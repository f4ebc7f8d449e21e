namespace Negotiations.Sources;

/// <summary>An event that records something reported about the world, with where it comes from and when it happened.</summary>
public interface IDevelopment
{
    Provenance Provenance { get; }
}
