using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Negotiations.Operations.Import;

public static class ImportEndpoint
{
    public const string OperationId = "ImportFieldReport";
    public const string ContentType = "application/x-ndjson";
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    /// <summary>
    /// A field report as JSON Lines, one command per line. The answer streams back as JSON Lines: one
    /// result per line (its number, HTTP status and the endpoint's answer), then a summary.
    /// </summary>
    [WolverinePost("/api/import", OperationId = OperationId), Tags("Import")]
    [EndpointSummary("Import a field report (JSON Lines, one command per line)")]
    [Consumes(ContentType, "text/plain")]
    [Produces(ContentType)]
    public static IResult Post(HttpRequest request, ImportRunner runner, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IOptionsMonitor<Security.LimitSettings> limits) =>
        TypedResults.Stream(async output =>
        {
            var options = json.Value.SerializerOptions;
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var pipe = PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true));
            await using var writer = new Utf8JsonWriter(pipe, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented });
            await output.FlushAsync(); // the status and headers, before the first answer
            int lines = 0, applied = 0;
            await using var results = runner.RunAsync(reader, request.HttpContext.User, request.HttpContext.RequestAborted, limits.CurrentValue.MaxImportLines)
                .GetAsyncEnumerator(request.HttpContext.RequestAborted);
            while (true)
            {
                // The answers written so far go out whenever the import waits (for the next lines, for a commit): a batch's
                // answers leave together, and a client reading while it sends sees each batch as soon as it is decided.
                var next = results.MoveNextAsync();
                if (!next.IsCompleted) await pipe.FlushAsync();
                if (!await next) break;
                lines++;
                if (results.Current.Applied) applied++;
                WriteLine(writer, pipe, results.Current, options);
            }
            WriteLine(writer, pipe, new { summary = new ImportSummary(lines, applied, lines - applied) }, options);
            await pipe.FlushAsync();
            await pipe.CompleteAsync();
        }, ContentType);

    private static void WriteLine<T>(Utf8JsonWriter writer, PipeWriter pipe, T value, JsonSerializerOptions options)
    {
        JsonSerializer.Serialize(writer, value, options);
        writer.Flush();
        writer.Reset();
        pipe.Write(NewLine);
    }
}
