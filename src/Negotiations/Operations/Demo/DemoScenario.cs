using System.Security.Claims;
using Marten;
using Negotiations.Operations.Import;

namespace Negotiations.Operations.Demo;

/// <summary>
/// The southern Syria report of September 2025 as a field report (JSON Lines), loaded through the
/// same import path as any other.
/// </summary>
public sealed class DemoScenario(ImportRunner runner, IDocumentStore store, ILogger<DemoScenario> logger)
{
    public const string ResourceName = "Demo.southern-syria-2025.jsonl";

    public static TextReader Open() =>
        new StreamReader(typeof(DemoScenario).Assembly.GetManifestResourceStream(ResourceName)
                         ?? throw new InvalidOperationException($"The demo scenario {ResourceName} is not embedded."));

    public async Task<bool> StoreIsEmptyAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return !await session.Events.QueryAllRawEvents().AnyAsync(cancellation);
    }

    public async Task<ImportSummary> LoadAsync(ClaimsPrincipal user, CancellationToken cancellation)
    {
        using var reader = Open();
        int lines = 0, applied = 0;
        await foreach (var result in runner.RunAsync(reader, user, cancellation))
        {
            lines++;
            if (result.Applied) applied++;
            else logger.LogWarning("Demo line {Line} ({Command}) was rejected with {Status}: {Result}", result.Line, result.Command, result.Status, result.Result?.ToString());
        }
        return new ImportSummary(lines, applied, lines - applied);
    }
}
