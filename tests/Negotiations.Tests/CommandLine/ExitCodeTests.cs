using System.Text.Json;
using Negotiations.Operations.Demo;
using Negotiations.Tests.Support;
using Npgsql;

namespace Negotiations.Tests.CommandLine;

/// <summary>
/// What scripts rely on, from the built application run as a child process in a folder of its own: exit codes, data
/// alone on standard output (the report on standard error), and relative paths taken from the caller's folder.
/// </summary>
public class ExitCodeTests : IAsyncLifetime
{
    private readonly string _schema = TestDatabase.NewSchema("cli");
    private readonly string _folder = Directory.CreateTempSubdirectory("negotiations-cli").FullName;

    private Task<(int Code, string Output, string Error)> Run(params string[] args) => CommandProcess.RunAsync(_folder, _schema, args);

    private string Report(string name, params string[] lines)
    {
        File.WriteAllLines(Path.Combine(_folder, name), lines);
        return name;
    }

    private static string[] DemoLines(int count)
    {
        using var demo = DemoScenario.Open();
        return Enumerable.Range(0, count).Select(_ => demo.ReadLine()!).ToArray();
    }

    [Fact]
    public async Task Import_export_checkpoint_and_verify_answer_what_scripts_rely_on()
    {
        var good = await Run("import", Report("good.jsonl", DemoLines(2)));
        good.Code.ShouldBe(0, good.Error);
        good.Error.ShouldContain("import: 2 of 2 lines applied");
        good.Error.ShouldContain($"schema {_schema}");
        good.Output.ShouldBeEmpty();

        var rejected = await Run("import", Report("bad.jsonl", "{\"command\":\"ProposeUnderstanding\",\"title\":\"\"}"));
        rejected.Code.ShouldBe(1, rejected.Error);

        var missing = await Run("import", "no-such-report.jsonl");
        missing.Code.ShouldBe(2, missing.Error);
        missing.Error.ShouldContain("import: no file");

        var export = await Run("export", "events");
        export.Code.ShouldBe(0, export.Error);
        var lines = export.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2, export.Output);
        foreach (var line in lines) JsonDocument.Parse(line).RootElement.GetProperty("sequence").GetInt64().ShouldBeGreaterThan(0);

        var checkpoint = await Run("checkpoint", "--output", "checkpoint.json");
        checkpoint.Code.ShouldBe(0, checkpoint.Error);
        JsonDocument.Parse(checkpoint.Output);
        File.Exists(Path.Combine(_folder, "checkpoint.json")).ShouldBeTrue(checkpoint.Error);

        var verify = await Run("verify", "--json", "--checkpoint", "checkpoint.json");
        verify.Code.ShouldBe(0, verify.Error);
        var report = JsonDocument.Parse(verify.Output).RootElement;
        report.GetProperty("status").GetString().ShouldBe("clean");
        report.GetProperty("externalCheckpointsChecked").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Bad_usage_is_2_and_help_is_0()
    {
        var unknown = await Run("import", "--no-such-option", "x.jsonl");
        unknown.Code.ShouldBe(2, unknown.Output + unknown.Error);

        var badTime = await Run("export", "events", "--recorded-from", "yesterday");
        badTime.Code.ShouldBe(2, badTime.Output + badTime.Error);
        badTime.Error.ShouldContain("--recorded-from takes an ISO-8601 date or timestamp");
        badTime.Output.ShouldBeEmpty();

        var usage = await Run("import", "--help");
        usage.Code.ShouldBe(0, usage.Output + usage.Error);
        usage.Output.ShouldContain("import");

        // The product's commands first, each with its description; the libraries' after them, none named by a .NET type.
        var help = await Run("help");
        help.Code.ShouldBe(0, help.Output + help.Error);
        help.Output.IndexOf("  import ", StringComparison.Ordinal).ShouldBeLessThan(help.Output.IndexOf("  codegen ", StringComparison.Ordinal));
        help.Output.ShouldContain("  rebuild ");
        help.Output.ShouldNotContain("Wolverine.Configuration");
        help.Output.ShouldNotContain("Searching");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists \"{_schema}\" cascade", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
