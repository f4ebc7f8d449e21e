using JasperFx.CommandLine;
using Negotiations.Operations.Settings;
using Spectre.Console;

namespace Negotiations.Operations.CommandLine;

/// <summary>
/// <c>help</c> without starting the application: the product's commands first, with their descriptions, then those
/// that JasperFx, Marten and Wolverine bring. <c>help import</c> and <c>import --help</c> show a product command's
/// usage; a library command's usage is JasperFx's own.
/// </summary>
public static class CommandHelp
{
    private const string App = "dotnet Negotiations.dll";
    private static readonly string[] Asks = ["help", "?", "-h", "--help", "-?"];

    public static bool Answers(string[] args) => args switch
    {
        [var ask] => IsAsk(ask),
        [var ask, var name] when IsAsk(ask) => CommandLineRun.ProductCommands.Contains(name),
        [var name, var ask] => CommandLineRun.ProductCommands.Contains(name) && IsAsk(ask),
        _ => false
    };

    public static int Write(string[] args)
    {
        var name = args.FirstOrDefault(a => !IsAsk(a));
        if (name is null) List(Console.Out);
        else Usage(CommandLineRun.ProductCommandTypes.Single(t => CommandFactory.CommandNameFor(t) == name.ToLowerInvariant()));
        return ExitCodes.Ok;
    }

    private static bool IsAsk(string arg) => Asks.Contains(arg, StringComparer.OrdinalIgnoreCase);

    private static void List(TextWriter output)
    {
        var product = CommandLineRun.ProductCommandTypes.Select(t => (Name: CommandFactory.CommandNameFor(t), Description: CommandFactory.DescriptionFor(t))).ToList();
        var library = LibraryCommands().Where(c => !CommandLineRun.ProductCommands.Contains(c.Name) && c.Name != "help").ToList();
        var width = product.Concat(library).Max(c => c.Name.Length) + 2;

        output.WriteLine($"Usage: {App} <command> [arguments] [options]  (from the source: dotnet run --project src/Negotiations -- <command> ...)");
        output.WriteLine($"Without a command it serves the API. `{App} help <command>` shows a command's arguments and options.");
        output.WriteLine();
        output.WriteLine("Commands:");
        foreach (var (name, description) in product) output.WriteLine($"  {name.PadRight(width)}{description}");
        output.WriteLine();
        output.WriteLine("Commands of JasperFx, Marten and Wolverine (schema, code generation, diagnostics):");
        foreach (var (name, description) in library) output.WriteLine($"  {name.PadRight(width)}{description}");
    }

    /// <summary>Every command the libraries register, found as JasperFx finds them, without its "Searching ..." lines.</summary>
    private static IEnumerable<(string Name, string Description)> LibraryCommands()
    {
        var console = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
        var factory = new CommandFactory();
        try
        {
            factory.RegisterCommands(typeof(JasperFx.CommandLine.Commands.RunCommand).Assembly);
            factory.RegisterCommandsFromExtensionAssemblies();
        }
        finally
        {
            AnsiConsole.Console = console;
        }
        return factory.AllCommandTypes()
            .Select(t => (Name: CommandFactory.CommandNameFor(t), Description: Described(t)))
            .OrderBy(c => c.Name, StringComparer.Ordinal);
    }

    // JasperFx falls back to the type's full name for a command without a [Description].
    private static string Described(Type command) =>
        CommandFactory.DescriptionFor(command) is var description && description != command.FullName
            ? description
            : $"(no description; `help {CommandFactory.CommandNameFor(command)}` shows its usage)";

    private static void Usage(Type command) =>
        ((IJasperFxCommand)Activator.CreateInstance(command)!).Usages.WriteUsages(App);
}
