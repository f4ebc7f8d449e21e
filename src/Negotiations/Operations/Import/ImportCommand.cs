using JasperFx.CommandLine;
using Negotiations.Operations.Settings;
using Negotiations.Operations.CommandLine;

namespace Negotiations.Operations.Import;

public sealed class ImportInput : NetCoreInput
{
    [Description("The field report: a JSON Lines file, one command per line ('-' reads standard input)")]
    public string File { get; set; } = "";
}

[Description("Import a field report (JSON Lines) through the command endpoints; exit 0 all applied, 1 a line rejected, 2 error", Name = "import")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    public override Task<bool> Execute(ImportInput input) => ExitCodes.Guard("import", async () =>
    {
        ExitCodes.Ran();
        if (input.File != "-" && !System.IO.File.Exists(input.File))
        {
            await Console.Error.WriteLineAsync($"import: no file {input.File}");
            ExitCodes.Fail();
            return false;
        }
        long? total = input.File == "-" ? null : System.IO.File.ReadLines(input.File).LongCount(l => !string.IsNullOrWhiteSpace(l));
        using var reader = input.File == "-" ? Console.In : new StreamReader(input.File);
        return await CommandHost.RunAsync("import", input, services => CommandProgress.RunAsync("import", "lines", total, async report =>
        {
            var runner = services.GetRequiredService<ImportRunner>();
            int lines = 0, applied = 0;
            await foreach (var result in runner.RunAsync(reader, CommandHost.User(services), CancellationToken.None))
            {
                report(++lines);
                if (result.Applied) applied++;
                else Console.Error.WriteLine($"line {result.Line} ({result.Command}): {result.Status} {result.Result?.Node["detail"]?.ToString() ?? result.Result?.ToString()}");
            }
            Console.Error.WriteLine($"import: {applied} of {lines} lines applied, {lines - applied} rejected");
            return applied == lines;
        }), start: true);
    });
}
