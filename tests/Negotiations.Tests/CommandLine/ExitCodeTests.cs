using System.Diagnostics;
using Negotiations.Demo;
using Negotiations.Tests.Support;
using Npgsql;

namespace Negotiations.Tests.CommandLine;

/// <summary>The exit codes scripts rely on, from the built application run as a child process on a schema of its own.</summary>
public class ExitCodeTests : IAsyncLifetime
{
    private readonly string _schema = TestDatabase.NewSchema("cli");
    private readonly string _folder = Directory.CreateTempSubdirectory("negotiations-cli").FullName;

    private async Task<(int Code, string Output)> Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Negotiations.dll"), .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder
        };
        start.Environment["ConnectionStrings__Marten"] = TestDatabase.ConnectionString;
        start.Environment["Negotiations__Schema"] = _schema;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private string Report(string name, params string[] lines)
    {
        var file = Path.Combine(_folder, name);
        File.WriteAllLines(file, lines);
        return file;
    }

    private static string[] DemoLines(int count)
    {
        using var demo = DemoScenario.Open();
        return Enumerable.Range(0, count).Select(_ => demo.ReadLine()!).ToArray();
    }

    [Fact]
    public async Task Import_then_verify_answer_what_scripts_rely_on()
    {
        var good = await Run("import", Report("good.jsonl", DemoLines(2)));
        good.Code.ShouldBe(0, good.Output);
        good.Output.ShouldContain("import: 2 of 2 lines applied");

        var rejected = await Run("import", Report("bad.jsonl", "{\"command\":\"ProposeUnderstanding\",\"title\":\"\"}"));
        rejected.Code.ShouldBe(1, rejected.Output);

        var missing = await Run("import", Path.Combine(_folder, "no-such-report.jsonl"));
        missing.Code.ShouldBe(2, missing.Output);
        missing.Output.ShouldContain("import: no file");

        var verify = await Run("verify");
        verify.Code.ShouldBe(0, verify.Output);
        verify.Output.ShouldContain("verify: clean");
    }

    [Fact]
    public async Task Bad_usage_is_2_and_help_is_0()
    {
        var unknown = await Run("import", "--no-such-option", "x.jsonl");
        unknown.Code.ShouldBe(2, unknown.Output);

        var help = await Run("import", "--help");
        help.Code.ShouldBe(0, help.Output);
        help.Output.ShouldContain("import");
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
