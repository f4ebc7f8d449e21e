using JasperFx.Events.Daemon;
using Negotiations.Operations.Settings;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Spectre.Console;

namespace Negotiations.Operations.CommandLine;

/// <summary>
/// How the process was started: serving (no arguments, options only, or JasperFx's <c>run</c>) or running one
/// command. A command runs on the application's services without the web server: nothing listens, the background
/// work of a serving node (chain writer, live feed, demo loader, and the async daemon unless the command needs it)
/// is left out, its logs go to standard error, and standard output is kept for the command's data.
/// </summary>
public sealed record CommandLineRun(string Name, bool IsProduct)
{
    /// <summary>The product's own commands: every JasperFx command of this assembly, by its name.</summary>
    public static readonly IReadOnlyList<Type> ProductCommandTypes = typeof(CommandLineRun).Assembly.GetTypes()
        .Where(CommandFactory.IsJasperFxCommandType).OrderBy(CommandFactory.CommandNameFor).ToArray();

    public static readonly IReadOnlySet<string> ProductCommands =
        ProductCommandTypes.Select(CommandFactory.CommandNameFor).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Only replay compares with the live documents, so only it waits for the async projections to catch up.</summary>
    public bool RunsDaemon => !IsProduct || Name == "replay";

    /// <summary>The command the arguments name; null when the process serves.</summary>
    public static CommandLineRun? For(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Equals("run", StringComparison.OrdinalIgnoreCase)) return null;
        return new CommandLineRun(args[0].ToLowerInvariant(), ProductCommands.Contains(args[0]));
    }

    /// <summary>
    /// The content root is where appsettings.json is deployed beside the application unless it is given
    /// (--contentRoot, ASPNETCORE_CONTENTROOT), so the working directory stays the caller's: relative paths in
    /// arguments are the caller's, whether started with dotnet run or dotnet Negotiations.dll.
    /// </summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var given = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
                    || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
                    || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 };
        return new WebApplicationOptions { Args = args, ContentRootPath = given ? null : AppContext.BaseDirectory };
    }

    /// <summary>
    /// Standard output carries the command's data alone: whatever a library writes to the console goes to standard
    /// error, and the command writes its data to <see cref="CommandOutput.Data"/>.
    /// </summary>
    public void ClaimStandardOutput()
    {
        if (!IsProduct) return;
        CommandOutput.Data = Console.Out;
        Console.SetOut(Console.Error);
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        QuietCommandSearch();
    }

    /// <summary>
    /// JasperFx announces every assembly it searches for commands ("Searching '...' for commands") on the console until
    /// extensions have been applied once; this application has none to apply.
    /// </summary>
    public static void QuietCommandSearch() => new CommandFactory().ApplyExtensions(new ServiceCollection());

    /// <summary>The exit code a script sees (see <see cref="ExitCodes"/>): JasperFx answers 1 for everything that fails; this sorts it out.</summary>
    public static int ExitCode(string[] args, int code)
    {
        if (code != ExitCodes.Finding || ExitCodes.HasRun || args.Length == 0) return code;
        if (args.Any(a => a is "--help" or "-h" or "-?" or "?") || args[0] == "help") return ExitCodes.Ok;
        // A product command that JasperFx did not run: its arguments did not parse.
        return ProductCommands.Contains(args[0]) ? ExitCodes.Error : code;
    }
}

public static class CommandLineHosting
{
    /// <summary>Marks the builder as running a command (ProcessRole: the registrations leave out serving's work) and sets the command's host up.</summary>
    public static WebApplicationBuilder ForCommand(this WebApplicationBuilder builder, CommandLineRun? run)
    {
        if (run is null) return builder;
        builder.MarkAsCommand();
        // A command that does not need the projections current leaves them to the serving nodes (no daemon here).
        if (!run.RunsDaemon) builder.Configuration[$"{NegotiationsSettings.Section}:Daemon"] = nameof(DaemonMode.ExternallyManaged);
        builder.Services.AddSingleton<IServer, NoListener>();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // A command has no lifetime to report ("Application started"), and this application has no message handlers.
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        builder.Logging.AddFilter("Wolverine.Configuration.HandlerDiscovery", LogLevel.Error);
        return builder;
    }
}
