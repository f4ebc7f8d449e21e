using Negotiations.Kernel;
using Negotiations.Operations.Settings;
using System.Text.Json;
using JasperFx.CommandLine;
using Negotiations.Operations.CommandLine;

namespace Negotiations.Operations.Audit;

/// <summary>How the audit commands write JSON: the store's dialect, nulls left out.</summary>
public static class AuditJson
{
    internal static readonly JsonSerializerOptions Json = CreateJson(true);
    internal static readonly JsonSerializerOptions Compact = CreateJson(false);

    private static JsonSerializerOptions CreateJson(bool indented)
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = indented, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
        JsonDialect.Configure(json);
        return json;
    }
}

public sealed class VerifyInput : NetCoreInput
{
    [Description("A checkpoint kept outside the database (JSON from `checkpoint` or GET /api/audit/checkpoints/latest; a file may hold one or an array); repeatable")]
    public List<string> CheckpointFlag { get; set; } = [];

    [Description("A signed checkpoint kept outside the database (the text of GET /api/audit/checkpoint, in a file); repeatable")]
    public List<string> NoteFlag { get; set; } = [];

    [Description("Print the whole report as JSON")]
    public bool JsonFlag { get; set; }
}

[Description("Recompute the event log's hash chain and check it against stored and external checkpoints; exit 0 clean, 1 tampered, 2 error", Name = "verify")]
public sealed class VerifyCommand : JasperFxAsyncCommand<VerifyInput>
{
    public override Task<bool> Execute(VerifyInput input) => ExitCodes.Guard("verify", async () =>
    {
        ExitCodes.Ran();
        var external = new List<Checkpoint>();
        foreach (var file in input.CheckpointFlag)
        {
            var text = await File.ReadAllTextAsync(file);
            external.AddRange(text.TrimStart().StartsWith('[')
                ? JsonSerializer.Deserialize<List<Checkpoint>>(text, AuditJson.Json)!
                : [JsonSerializer.Deserialize<Checkpoint>(text, AuditJson.Json)!]);
        }
        var notes = new List<string>();
        foreach (var file in input.NoteFlag) notes.Add(await File.ReadAllTextAsync(file));
        var command = new VerifyChain(external, notes);
        return await CommandHost.RunAsync("verify", input, async services =>
        {
            var signer = services.GetRequiredService<CheckpointSigner>();
            var problems = command.Validate(signer);
            if (problems.Status is not null)
            {
                await Console.Error.WriteLineAsync($"verify: {problems.Detail}");
                ExitCodes.Fail();
                return false;
            }
            var verifier = services.GetRequiredService<ChainVerifier>();
            var report = await CommandProgress.RunAsync("verify", "events", await verifier.CountAsync(CancellationToken.None),
                progress => verifier.VerifyAsync(external, CancellationToken.None, progress, command.Signed(signer, new Problems())));
            if (input.JsonFlag) await CommandOutput.Data.WriteLineAsync(JsonSerializer.Serialize(report, AuditJson.Json));
            else
            {
                await Console.Error.WriteLineAsync($"verify: {report.Status}: {report.EventsChecked} events up to sequence {report.LastSequence}, chained through {report.ChainedThrough} " +
                                  $"({report.Unchained} not chained yet), {report.GapCount} gaps ({report.MissingSequences} sequences never committed), " +
                                  $"{report.StoredCheckpointsChecked} stored, {report.ExternalCheckpointsChecked} external and {report.SignedCheckpointsChecked} signed checkpoints, " +
                                  $"{report.Seconds:0.00} s ({report.EventsPerSecond:0} events/s)");
                foreach (var finding in report.Findings) await Console.Error.WriteLineAsync($"  sequence {finding.Sequence}: {finding.Kind}: {finding.Detail}");
                if (report.FirstBadSequence is { } bad) await Console.Error.WriteLineAsync($"verify: first bad sequence {bad}");
                else if (report.Head is { } head) await Console.Error.WriteLineAsync($"verify: head {JsonSerializer.Serialize(head, AuditJson.Compact)}");
            }
            return report.Clean;
        });
    });
}

public sealed class CheckpointInput : NetCoreInput
{
    [Description("Write the checkpoint to this file as well as to standard output")]
    public string? OutputFlag { get; set; }
}

[Description("Chain every event appended so far, store a checkpoint at the head and print it (JSON) to keep outside the database", Name = "checkpoint")]
public sealed class CheckpointCommand : JasperFxAsyncCommand<CheckpointInput>
{
    public override Task<bool> Execute(CheckpointInput input) => ExitCodes.Guard("checkpoint", () => CommandHost.RunAsync("checkpoint", input, async services =>
    {
        ExitCodes.Ran();
        var checkpoint = await services.GetRequiredService<ChainWriter>().CheckpointNowAsync(CancellationToken.None);
        if (checkpoint is null)
        {
            await Console.Error.WriteLineAsync("checkpoint: the event log is empty");
            return false;
        }
        var json = JsonSerializer.Serialize(checkpoint, AuditJson.Json);
        await CommandOutput.Data.WriteLineAsync(json);
        if (input.OutputFlag is { } file) await File.WriteAllTextAsync(file, json + "\n");
        return true;
    }));
}

public sealed class ExportInput : NetCoreInput
{
    [Description("events (JSON Lines) or a read model (CSV): statuses, understandings, rounds, zones, mechanisms, offices, commitments, casualty-claims, statements")]
    public string What { get; set; } = "events";

    [Description("The file to write ('-' or absent: standard output)")]
    public string? OutputFlag { get; set; }

    [Description("events: only this stream")]
    public Guid? StreamFlag { get; set; }

    // Long names only: the recorded time and the sequence would share their first letters.
    [Description("events: recorded at or after (ISO-8601 date or timestamp); the API's recordedFrom")]
    [FlagAlias("recorded-from", true)]
    public string? RecordedFromFlag { get; set; }

    [Description("events: recorded at or before (ISO-8601 date or timestamp); the API's recordedTo")]
    [FlagAlias("recorded-to", true)]
    public string? RecordedToFlag { get; set; }

    [Description("events: from this global sequence")]
    [FlagAlias("from-sequence", true)]
    public long? FromSequenceFlag { get; set; }

    [Description("events: up to this global sequence")]
    [FlagAlias("to-sequence", true)]
    public long? ToSequenceFlag { get; set; }
}

[Description("Export the event log as JSON Lines (whole, by stream, by range) or a read model as CSV, streamed", Name = "export")]
public sealed class ExportCommand : JasperFxAsyncCommand<ExportInput>
{
    public override Task<bool> Execute(ExportInput input) => ExitCodes.Guard("export", async () =>
    {
        ExitCodes.Ran();
        if (input.What != "events" && !Exports.ReadModels.Contains(input.What))
        {
            await Console.Error.WriteLineAsync($"export: what is events or one of {string.Join(", ", Exports.ReadModels)}");
            ExitCodes.Fail();
            return false;
        }
        foreach (var (flag, text) in new[] { ("--recorded-from", input.RecordedFromFlag), ("--recorded-to", input.RecordedToFlag) })
        {
            if (text is null || Time(text) is not null) continue;
            await Console.Error.WriteLineAsync($"export: {flag} takes an ISO-8601 date or timestamp (2025-09-15, 2025-09-15T08:00:00Z); it is '{text}'");
            ExitCodes.Fail();
            return false;
        }
        var filter = new EventFilter(input.FromSequenceFlag, input.ToSequenceFlag, Time(input.RecordedFromFlag), Time(input.RecordedToFlag), input.StreamFlag);
        var problems = filter.Check(new Negotiations.Kernel.Problems());
        if (problems.Any)
        {
            await Console.Error.WriteLineAsync($"export: {problems.Result().Detail}");
            ExitCodes.Fail();
            return false;
        }
        return await CommandHost.RunAsync("export", input, async services =>
        {
            var exports = services.GetRequiredService<Exports>();
            await using var output = input.OutputFlag is null or "-" ? CommandOutput.OpenData() : File.Create(input.OutputFlag);
            var count = await CommandProgress.RunAsync("export", "lines", null, async progress =>
            {
                await using var counted = new LineCountingStream(output, progress);
                return input.What == "events"
                    ? await exports.WriteEventsAsync(counted, filter, CancellationToken.None)
                    : await exports.WriteCsvAsync(input.What, counted, CancellationToken.None);
            });
            await Console.Error.WriteLineAsync($"export: {count} {(input.What == "events" ? "events" : "rows")} written");
            return true;
        });
    });

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}

[Description("Rebuild every projection from the events in a throwaway schema and print how it differs from the live documents; exit 0 identical, 1 different, 2 error", Name = "replay")]
public sealed class ReplayCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override Task<bool> Execute(NetCoreInput input) => ExitCodes.Guard("replay", () => CommandHost.RunAsync("replay", input, async services =>
    {
        ExitCodes.Ran();
        var replay = services.GetRequiredService<Replay>();
        var report = await CommandProgress.RunAsync("replay", "steps", replay.Steps, report => replay.RunAsync(Console.Error, CancellationToken.None, report));
        foreach (var table in report.Tables)
            await Console.Error.WriteLineAsync($"replay: {table.Table}: {table.Live} live, {table.Rebuilt} rebuilt, {table.Differences} different");
        foreach (var d in report.Differences)
            await Console.Error.WriteLineAsync($"  {d.Table} {d.Id}: {d.Kind}{(d.Fields.Count == 0 ? "" : " in " + string.Join(", ", d.Fields))}");
        await Console.Error.WriteLineAsync(report.Identical
            ? $"replay: identical: {report.Projections.Count} projections rebuilt from {report.Events} events in {report.Seconds:0.0} s"
            : $"replay: {report.Differences.Count} documents differ from their rebuild");
        return report.Identical;
    }, start: true));
}
