namespace Negotiations.CommandLine;

/// <summary>
/// What a script may rely on: 0 done and nothing found, 1 a finding (a rejected import line, a tampered chain,
/// a replay that differs), 2 the command could not do its work (bad usage, a missing or unreadable file, a bad
/// setting, an unreachable database). JasperFx answers 1 for everything that fails; this sorts it out.
/// </summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Finding = 1;
    public const int Error = 2;

    private static bool ran;

    /// <summary>Called by each product command once its arguments were accepted.</summary>
    public static void Ran() => ran = true;

    public static int For(string[] args, int code)
    {
        if (code != Finding || ran || args.Length == 0) return code;
        if (args.Any(a => a is "--help" or "-h" or "-?" or "?") || args[0] == "help") return Ok;
        // A product command that JasperFx did not run: its arguments did not parse.
        return CommandLineRun.ProductCommands.Contains(args[0]) ? Error : code;
    }
}
