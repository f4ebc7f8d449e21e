using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Operations.Releases;

public static class ExportReleaseEndpoint
{
    /// <summary>
    /// A release's export as a ZIP, rebuilt from the events now: manifest.json (the release as frozen), SHA256SUMS
    /// (check with <c>sha256sum -c SHA256SUMS</c>), checkpoint.txt (the signed note), events.jsonl and each read model as
    /// CSV. Every file matches the hash frozen in the manifest, byte for byte, unless the log below the release was altered.
    /// </summary>
    [WolverineGet("/api/audit/releases/{name}/export", OperationId = "ExportRelease"), Tags("Audit")]
    [EndpointSummary("Export a release again from the events: its files as a ZIP with their manifest")]
    [ProducesResponseType(typeof(byte[]), StatusCodes.Status200OK, "application/zip")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Get(string name, ReleaseRegister register, ReleaseExport export, CancellationToken cancellation)
    {
        if (await register.FindAsync(name, cancellation) is not { } release) return GetReleaseEndpoint.Unknown(name);
        // Built in a temporary file first: ZipArchive writes synchronously, which a response body refuses.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            {
                var stamp = new DateTimeOffset(release.Frozen.UtcDateTime.Year < 1980 ? new DateTime(1980, 1, 1) : release.Frozen.UtcDateTime, TimeSpan.Zero);
                Stream Entry(string entry)
                {
                    var created = zip.CreateEntry(entry, CompressionLevel.Optimal);
                    created.LastWriteTime = stamp;
                    return created.Open();
                }
                await WriteText(Entry(ReleaseExport.ManifestFile), ReleaseRegister.Manifest(release));
                await WriteText(Entry(ReleaseExport.SumsFile), ReleaseExport.Sums(release.Files));
                await export.WriteAsync(ReleaseExport.Cut.Of(release), Entry, TextWriter.Null, cancellation);
            }
            file.Position = 0;
            return TypedResults.File(file, "application/zip", $"{release.Name}.zip");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static async Task WriteText(Stream stream, string text)
    {
        await using (stream) await stream.WriteAsync(Encoding.UTF8.GetBytes(text));
    }
}
