using Negotiations.Kernel;

namespace Negotiations.Kernel;

/// <summary>An event that records something reported about the world, with where it comes from and when it happened.</summary>
public interface IDevelopment
{
    Provenance Provenance { get; }
}

/// <summary>
/// A development whose fields obey rules beyond their types: required text, ranges, low &lt;= best &lt;= high.
/// Each such event states its rules once (a static Rules method the logging command calls too); a correction
/// checks its replacement with them. Fields are named by their JSON names, relative to the development
/// (use <see cref="Problems.Within"/> to name them where the development sits, e.g. "replacement.depthKm").
/// Provenance is checked for every development alike (ProvenanceRules), not here.
/// </summary>
public interface IFieldRules : IDevelopment
{
    Problems CheckFields(Problems problems);

    /// <summary>
    /// What a correction must keep of the original besides its ids (which every correction keeps): what the
    /// development is about when a name, not an id, says it. Nothing more by default.
    /// </summary>
    Problems CheckKept(object original, Problems problems) => problems;
}
