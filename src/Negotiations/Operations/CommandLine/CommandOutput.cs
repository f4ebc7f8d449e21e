namespace Negotiations.Operations.CommandLine;

/// <summary>Where a command writes its data: standard output, which nothing else writes to during a command.</summary>
public static class CommandOutput
{
    public static TextWriter Data { get; set; } = Console.Out;

    public static Stream OpenData() => Console.OpenStandardOutput();
}
