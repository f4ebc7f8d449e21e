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
            int lines = 0, applied = 0;
            await foreach (var result in runner.RunAsync(reader, request.HttpContext.User, request.HttpContext.RequestAborted, limits.CurrentValue.MaxImportLines))
            {
                lines++;
                if (result.Applied) applied++;
                await WriteLineAsync(output, result, options);
            }
            await WriteLineAsync(output, new { summary = new ImportSummary(lines, applied, lines - applied) }, options);
        }, ContentType);

    private static async Task WriteLineAsync<T>(Stream output, T value, JsonSerializerOptions options)
    {
        await JsonSerializer.SerializeAsync(output, value, options);
        await output.WriteAsync(NewLine);
        await output.FlushAsync();
    }
}
