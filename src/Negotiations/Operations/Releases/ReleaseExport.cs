using System.Text;
using Marten;
using Negotiations.Operations.Audit;
using Negotiations.Operations.Settings;

namespace Negotiations.Operations.Releases;

/// <summary>
/// Writes the files of a release from the events alone: the signed checkpoint, the events through the release's
/// sequence as JSON Lines, and every read model as CSV, rebuilt by the projections in a <see cref="ScratchStore"/>
/// that holds only those events (so nothing recorded later, and nothing of the live documents, can leak in).
/// Every file is a function of the events and the code: the same release exports the same bytes at any later time.
/// </summary>
public sealed class ReleaseExport(IDocumentStore store, IConfiguration configuration, ScratchStoreOptions scratchOptions, Exports exports)
{
    public const string ManifestFile = "manifest.json";
    public const string SumsFile = "SHA256SUMS";
    public const string CheckpointFile = "checkpoint.txt";
    public const string EventsFile = "events.jsonl";

    /// <summary>What a release is cut at: its tree and sequence, its signed note, the day its statuses are counted on.</summary>
    public sealed record Cut(long TreeSize, long Sequence, string Checkpoint, DateOnly Day)
    {
        public static Cut Of(Release release) => new(release.TreeSize, release.Sequence, release.Checkpoint, release.Day);
    }

    /// <summary>Writes each file through <paramref name="open"/> (disposing the stream it gives) and answers the files with their hashes.</summary>
    public async Task<IReadOnlyList<ReleaseFile>> WriteAsync(Cut cut, Func<string, Stream> open, TextWriter progress, CancellationToken cancellation)
    {
        var files = new List<ReleaseFile>
        {
            await WriteFileAsync(CheckpointFile, open, async s => { await s.WriteAsync(Encoding.UTF8.GetBytes(cut.Checkpoint), cancellation); return null; }),
            await WriteFileAsync(EventsFile, open, async s => await exports.WriteEventsAsync(s, new EventFilter(ToSequence: cut.Sequence), cancellation))
        };
        await using var scratch = await ScratchStore.BuildAsync(store, DatabaseLocation.ConnectionString(configuration), scratchOptions, cut.Sequence,
            "release", progress, null, cancellation);
        await using var session = scratch.Store.QuerySession();
        foreach (var model in Exports.ReadModels)
            files.Add(await WriteFileAsync(model + ".csv", open, async s => await Exports.WriteCsvAsync(model, session, cut.Day, s, cancellation)));
        return files;
    }

    /// <summary>The sums of the files in the format of sha256sum: <c>sha256sum -c SHA256SUMS</c> checks an export.</summary>
    public static string Sums(IEnumerable<ReleaseFile> files) => string.Concat(files.Select(f => $"{f.Sha256}  {f.Name}\n"));

    private static async Task<ReleaseFile> WriteFileAsync(string name, Func<string, Stream> open, Func<Stream, Task<long?>> write)
    {
        await using var target = open(name);
        await using var hashing = new HashingStream(target);
        var rows = await write(hashing);
        await hashing.FlushAsync();
        return new ReleaseFile(name, rows, hashing.Bytes, hashing.Sha256());
    }
}
