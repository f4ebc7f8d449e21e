using System.Text.Json;
using JasperFx.CommandLine;
using Negotiations.Operations.Audit;
using Negotiations.Operations.CommandLine;
using Negotiations.Operations.Settings;

namespace Negotiations.Operations.Releases;

public sealed class ReleaseInput : NetCoreInput
{
    [Description("list, show, freeze, export or diff")]
    public string Action { get; set; } = "list";

    [Description("The release's name")]
    public string Name { get; set; } = "";

    [Description("freeze: the tree size of a signed checkpoint to release (default: the whole log, signed now)")]
    [FlagAlias("tree-size", true)]
    public long? TreeSizeFlag { get; set; }

    [Description("freeze: the release's notes")]
    public string? NotesFlag { get; set; }

    [Description("export: the folder to write the files into (created if missing)")]
    public string? OutputFlag { get; set; }

    [Description("diff: the earlier release")]
    public string? SinceFlag { get; set; }
}

[Description("Freeze, list, show and export releases of the record, and list what changed between two; exit 0 done, 1 an export differs from its manifest, 2 refused or an error", Name = "release")]
public sealed class ReleaseCommand : JasperFxAsyncCommand<ReleaseInput>
{
    public ReleaseCommand()
    {
        Usage("List the releases (JSON)").Arguments(x => x.Action);
        Usage("Show a release's manifest, freeze one, export it into --output, or diff it --since an earlier one").Arguments(x => x.Action, x => x.Name);
    }

    public override Task<bool> Execute(ReleaseInput input) => ExitCodes.Guard("release", async () =>
    {
        ExitCodes.Ran();
        var refusal = input.Action switch
        {
            "list" => null,
            "show" or "freeze" or "export" or "diff" when input.Name.Length == 0 => $"{input.Action} takes the release's name",
            "export" when input.OutputFlag is null => "export takes --output FOLDER",
            "diff" when input.SinceFlag is null => "diff takes --since EARLIER",
            "show" or "freeze" or "export" or "diff" => null,
            _ => $"the action is list, show, freeze, export or diff, not '{input.Action}'"
        };
        if (refusal is null && input.Action == "freeze" && new FreezeRelease(input.Name, input.TreeSizeFlag, input.NotesFlag).Validate() is { Status: not null } problem)
            refusal = problem.Detail;
        if (refusal is not null) return await Refuse(refusal);

        return await CommandHost.RunAsync("release", input, async services =>
        {
            var register = services.GetRequiredService<ReleaseRegister>();
            switch (input.Action)
            {
                case "list":
                    await CommandOutput.Data.WriteLineAsync(JsonSerializer.Serialize(await register.ListAsync(CancellationToken.None), AuditJson.Json));
                    return true;
                case "freeze":
                    var freezer = services.GetRequiredService<ReleaseFreezer>();
                    var user = CommandHost.User(services).Identity?.Name;
                    var (frozen, refused) = await freezer.FreezeAsync(new FreezeRelease(input.Name, input.TreeSizeFlag, input.NotesFlag), user, Console.Error, CancellationToken.None);
                    if (frozen is null) return await Refuse(refused!.Detail ?? refused.Title ?? "refused");
                    await CommandOutput.Data.WriteAsync(ReleaseRegister.Manifest(frozen));
                    await Console.Error.WriteLineAsync($"release: {frozen.Name} frozen at tree size {frozen.TreeSize} (sequence {frozen.Sequence})");
                    return true;
            }
            if (await register.FindAsync(input.Name, CancellationToken.None) is not { } release) return await Refuse($"no release is called {input.Name}");
            switch (input.Action)
            {
                case "show":
                    await CommandOutput.Data.WriteAsync(ReleaseRegister.Manifest(release));
                    return true;
                case "diff":
                    if (await register.FindAsync(input.SinceFlag!, CancellationToken.None) is not { } since) return await Refuse($"no release is called {input.SinceFlag}");
                    if (ReleaseChanges.Refusal(since, release) is { } refused) return await Refuse(refused);
                    var diff = await services.GetRequiredService<ReleaseChanges>().BetweenAsync(since, release, CancellationToken.None);
                    await CommandOutput.Data.WriteLineAsync(JsonSerializer.Serialize(diff, AuditJson.Json));
                    return true;
                default:
                    return await ExportAsync(services.GetRequiredService<ReleaseExport>(), release, input.OutputFlag!);
            }
        });
    });

    /// <summary>Writes every file into the folder, then the frozen manifest and sums; prints the sums of what it wrote.</summary>
    private static async Task<bool> ExportAsync(ReleaseExport export, Release release, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = await export.WriteAsync(ReleaseExport.Cut.Of(release), name => File.Create(Path.Combine(folder, name)), Console.Error, CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(folder, ReleaseExport.ManifestFile), ReleaseRegister.Manifest(release));
        await File.WriteAllTextAsync(Path.Combine(folder, ReleaseExport.SumsFile), ReleaseExport.Sums(release.Files));
        await CommandOutput.Data.WriteAsync(ReleaseExport.Sums(files));
        var differing = files.Where(f => release.Files.FirstOrDefault(r => r.Name == f.Name)?.Sha256 != f.Sha256).Select(f => f.Name).ToList();
        if (differing.Count == 0)
        {
            await Console.Error.WriteLineAsync($"release: {release.Name} exported into {folder}: every file matches its manifest");
            return true;
        }
        await Console.Error.WriteLineAsync($"release: {release.Name} exported into {folder}, but these differ from the manifest: {string.Join(", ", differing)}");
        return false;
    }

    private static async Task<bool> Refuse(string why)
    {
        await Console.Error.WriteLineAsync($"release: {why}");
        ExitCodes.Fail();
        return false;
    }
}
