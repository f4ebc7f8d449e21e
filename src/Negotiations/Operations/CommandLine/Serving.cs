using Negotiations.Operations.Settings;

namespace Negotiations.Operations.CommandLine;

/// <summary>
/// Serving when started without arguments: the host alone, without JasperFx's command line, which would first search
/// every Critter Stack assembly for commands (about a quarter of a second of start-up). A host that fails to start
/// exits as it does through the command line: 2 when a start-up check named the problem, 1 otherwise.
/// </summary>
public static class Serving
{
    private const int Failed = 1; // JasperFx's code for a command that failed

    public static async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return ExitCodes.Ok;
        }
        catch (Exception e)
        {
            // The host has logged the failure with its details already.
            await Console.Error.WriteLineAsync($"ERROR: {e.Message}");
            return ExitCodes.Code(Failed);
        }
    }
}
