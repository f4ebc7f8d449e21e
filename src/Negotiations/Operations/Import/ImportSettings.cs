namespace Negotiations.Operations.Import;

/// <summary>How an import applies its lines, bound from "Negotiations:Import".</summary>
public sealed class ImportSettings
{
    public const string Section = "Negotiations:Import";

    /// <summary>
    /// Lines decided in memory and committed in one transaction at most; 1 sends every line through its endpoint in a
    /// transaction of its own.
    /// </summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Characters of report held at once at most, whatever the batch size (a line may be 256 KiB).</summary>
    public int MaxBatchCharacters { get; set; } = 4 * 1024 * 1024;
}
