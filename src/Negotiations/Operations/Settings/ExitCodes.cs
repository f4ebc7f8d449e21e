namespace Negotiations.Operations.Settings;

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

    /// <summary>Whether a product command accepted its arguments and ran.</summary>
    public static bool HasRun => ran;

    private static int? overridden;

    /// <summary>A command could not do its work at all: the program exits with <see cref="Error"/>.</summary>
    public static void Fail() => overridden = Error;

    /// <summary>Program's exit code: the command's, unless a command failed with an error.</summary>
    public static int Code(int code) => overridden ?? code;

    /// <summary>Runs a command's work; an exception is said on standard error and makes the exit code <see cref="Error"/>.</summary>
    public static async Task<bool> Guard(string command, Func<Task<bool>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"{command}: error: {e.Message}");
            Fail();
            return false;
        }
    }
}
