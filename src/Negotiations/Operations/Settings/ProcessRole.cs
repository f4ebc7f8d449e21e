namespace Negotiations.Operations.Settings;

/// <summary>
/// Whether this process serves (the API, the dashboard and a serving node's background work: chain writer, live feed,
/// demo loader) or runs one command. The command line marks a command's builder before any registration asks.
/// </summary>
public static class ProcessRole
{
    private const string RunsCommand = "Negotiations.RunsCommand";

    public static bool Serves(this WebApplicationBuilder builder) => !builder.Host.Properties.ContainsKey(RunsCommand);

    public static void MarkAsCommand(this WebApplicationBuilder builder) => builder.Host.Properties[RunsCommand] = true;
}
