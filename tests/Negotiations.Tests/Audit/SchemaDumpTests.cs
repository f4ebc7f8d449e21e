using System.Diagnostics;
using Negotiations.Tests.Support;

namespace Negotiations.Tests.Audit;

/// <summary>The DDL committed in eventstore-scripts/ is what db-dump writes for the model as it is now.</summary>
public class SchemaDumpTests
{
    private static async Task<string> Dump(string database)
    {
        var file = Path.Combine(Path.GetTempPath(), $"schema-{Guid.NewGuid():N}.sql");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Negotiations.dll"), "db-dump", file, "-d", database, "-l", "Error" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory
        };
        start.Environment["ConnectionStrings__Marten"] = TestDatabase.ConnectionString;
        start.Environment["Negotiations__Schema"] = "negotiations";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await error + await output);
        try { return await File.ReadAllTextAsync(file); }
        finally { File.Delete(file); }
    }

    /// <summary>Comments and blank lines vary with tool versions and say nothing about the schema; trailing spaces neither.</summary>
    private static List<string> Significant(string ddl) => ddl.ReplaceLineEndings("\n").Split('\n')
        .Select(l => l.TrimEnd())
        .Where(l => l.Length > 0 && !l.TrimStart().StartsWith("--", StringComparison.Ordinal))
        .ToList();

    [Theory]
    [InlineData("marten://store/", "schema.sql")]
    [InlineData("wolverine://messages/main", "schema-wolverine.sql")]
    public async Task The_exported_schema_is_current(string database, string committed)
    {
        var current = Significant(await Dump(database));
        var exported = Significant(await File.ReadAllTextAsync(Path.Combine(HardenedStoreFixture.RepositoryRoot(), "eventstore-scripts", committed)));

        var firstDifference = current.Zip(exported).Select((pair, i) => (pair, i)).FirstOrDefault(x => x.pair.First != x.pair.Second);
        (current.Count == exported.Count && firstDifference == default).ShouldBeTrue(
            $"eventstore-scripts/{committed} is stale (run eventstore-scripts/dump-schema): line {firstDifference.i + 1}: " +
            $"now '{firstDifference.pair.First}', exported '{firstDifference.pair.Second}' ({current.Count} vs {exported.Count} lines)");
        current.ShouldContain(l => l.Contains("audit_chain") || database.StartsWith("wolverine"));
    }
}
