using System.Diagnostics;

namespace Negotiations.Tests.Hosting;

/// <summary>
/// The application loads Wolverine's generated handlers statically from src/Negotiations/Internal/Generated.
/// Generating them again from the built application must give exactly the committed files; otherwise
/// run eventstore-scripts/codegen and commit.
/// </summary>
public class GeneratedCodeTests
{
    private static string Repository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Negotiations.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Negotiations.sln not found above the test binaries.");
    }

    private static Dictionary<string, string> Files(string root) =>
        Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => File.ReadAllText(f).ReplaceLineEndings("\n"));

    [Fact]
    public async Task The_committed_generated_code_is_current()
    {
        var output = Directory.CreateTempSubdirectory("negotiations-codegen-");
        try
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Negotiations.dll"), "codegen", "write", "--contentRoot", output.FullName])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = output.FullName,
                Environment = { ["Negotiations__TypeLoadMode"] = "Dynamic" }
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            process.ExitCode.ShouldBe(0, await stderr + await stdout);

            var generated = Files(Path.Combine(output.FullName, "Internal", "Generated"));
            var committed = Files(Path.Combine(Repository(), "src", "Negotiations", "Internal", "Generated"));

            generated.Keys.Except(committed.Keys).ShouldBeEmpty("generated but not committed: run eventstore-scripts/codegen and commit");
            committed.Keys.Except(generated.Keys).ShouldBeEmpty("committed but no longer generated: run eventstore-scripts/codegen and commit");
            foreach (var (file, text) in generated)
                committed[file].ShouldBe(text, $"{file} is stale: run eventstore-scripts/codegen and commit");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    /// <summary>
    /// An Idempotency-Key's claim is written in the command's own transaction (Hosting/IdempotencyPolicy.cs) only
    /// where Wolverine could generate it so; an endpoint that falls back claims up front and releases afterwards,
    /// and a crash in between leaves the key "still being processed".
    /// </summary>
    [Fact]
    public void Every_command_writes_its_idempotency_claim_in_its_own_transaction()
    {
        var handlers = Files(Path.Combine(Repository(), "src", "Negotiations", "Internal", "Generated"))
            .Where(f => Path.GetFileName(f.Key).StartsWith("POST_api_") && f.Value.Contains("Idempotency-Key"))
            .ToList();

        handlers.Count.ShouldBeGreaterThan(30);
        handlers.Where(h => h.Value.Contains("TryClaimAsync")).Select(h => h.Key).ShouldBeEmpty();
    }
}
