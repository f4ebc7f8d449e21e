using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Negotiations.Kernel;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace Negotiations.Operations.Import;

/// <summary>
/// Applies a field report in JSON Lines, one command per line: {"command":"ProposeUnderstanding", ...}. Every line gets
/// the status, Location and answer its HTTP endpoint would give; a bad line is reported with its number and the others
/// still apply. Lines of batchable commands (<see cref="BatchableCommands"/>) without an idempotencyKey are decided in
/// memory and committed many to a transaction (<see cref="ImportBatch"/>); every other line, and every line the endpoint
/// would refuse, runs through its endpoint in its own scope and transaction, after the lines before it have committed.
/// If a batch's commit fails (a concurrent writer, a taken id), its lines run again one by one, each to its true answer.
/// At most one batch of lines is held in memory, so a report of any length can be imported.
/// </summary>
public sealed class ImportRunner(
    CommandCatalogue catalogue,
    IServiceScopeFactory scopes,
    IServiceProvider services,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    IOptionsMonitor<ImportSettings> settings,
    ILogger<ImportRunner> logger)
{
    public const int MaxLineLength = 256 * 1024;

    public async IAsyncEnumerable<ImportLineResult> RunAsync(TextReader reader, ClaimsPrincipal user,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation, int maxLines = int.MaxValue)
    {
        var (number, commands, characters) = (0, 0, 0L);
        var (batchSize, maxCharacters) = (Math.Max(1, settings.CurrentValue.BatchSize), settings.CurrentValue.MaxBatchCharacters);
        var held = new List<ParsedLine>();
        var timings = new ImportTimings();
        while (true)
        {
            var reading = reader.ReadLineAsync(cancellation);
            // The sender is slower than the import: what has come so far is applied and answered while the next lines
            // arrive, so that a client that waits for answers before it sends more is never left waiting on a full batch.
            if (!reading.IsCompleted && held.Count > 0)
            {
                foreach (var result in await ApplyAsync(held, user, timings, cancellation)) yield return result;
                (held, characters) = ([], 0);
            }
            if (await reading is not { } line) break;
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (++commands > maxLines)
            {
                foreach (var result in await ApplyAsync(held, user, timings, cancellation)) yield return result;
                yield return Rejected(number, null, 413, $"An import applies at most {maxLines} lines: this line and the ones after it were not read. Send them in another import.");
                timings.Log(logger, commands - 1);
                yield break;
            }
            var clock = System.Diagnostics.Stopwatch.StartNew();
            held.Add(Parse(number, line, batchSize > 1));
            timings.Parse += clock.Elapsed;
            characters += line.Length;
            if (held.Count < batchSize && characters < maxCharacters) continue;
            foreach (var result in await ApplyAsync(held, user, timings, cancellation)) yield return result;
            (held, characters) = ([], 0);
        }
        foreach (var result in await ApplyAsync(held, user, timings, cancellation)) yield return result;
        timings.Log(logger, commands);
    }

    /// <summary>The lines' results in order: batchable runs committed together, the rest one by one in between.</summary>
    private async Task<List<ImportLineResult>> ApplyAsync(List<ParsedLine> lines, ClaimsPrincipal user, ImportTimings timings, CancellationToken cancellation)
    {
        var results = new ImportLineResult[lines.Count];
        var taken = new List<int>();
        ImportBatch? batch = null;
        try
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line.Rejection is { } rejection)
                {
                    results[i] = rejection;
                    continue;
                }
                if (line.Command is not null)
                {
                    batch ??= OpenBatch(user);
                    if (batch.NeedsFetch(line))
                        await ImportTimings.Time(async () => { await batch.FetchAsync(lines.Skip(i).Where(l => l.Command is not null), cancellation); return 0; }, t => timings.Fetch += t);
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    var answer = batch.TryTake(line);
                    timings.Decide += clock.Elapsed;
                    if (answer is not null)
                    {
                        results[i] = answer;
                        taken.Add(i);
                        continue;
                    }
                }
                if (batch is not null)
                {
                    await CommitAsync(batch, lines, taken, results, user, timings, cancellation);
                    (batch, taken) = (null, []);
                }
                results[i] = await ImportTimings.Time(() => ExecuteAsync(line, user, cancellation), t => timings.Endpoints += t);
                timings.LineByLine++;
            }
            if (batch is not null) await CommitAsync(batch, lines, taken, results, user, timings, cancellation);
            batch = null;
        }
        finally
        {
            if (batch is not null) await batch.DisposeAsync();
        }
        return [.. results];
    }

    private ImportBatch OpenBatch(ClaimsPrincipal user)
    {
        // The session a command endpoint opens: Wolverine's outbox, the caller recorded as the events' user name.
        var messageContext = new MessageContext(services.GetRequiredService<IWolverineRuntime>());
        Wolverine.Http.Runtime.UserNameMiddleware.Apply(new DefaultHttpContext { User = user }, messageContext);
        var session = services.GetRequiredService<OutboxedSessionFactory>().OpenSession(messageContext);
        return new ImportBatch(session, messageContext, json.Value.SerializerOptions);
    }

    private async Task CommitAsync(ImportBatch batch, List<ParsedLine> lines, List<int> taken, ImportLineResult[] results, ClaimsPrincipal user, ImportTimings timings, CancellationToken cancellation)
    {
        await using (batch)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                timings.Commits++;
                await batch.CommitAsync(cancellation);
                timings.Batched += taken.Count;
                return;
            }
            catch (Exception e) when (!cancellation.IsCancellationRequested)
            {
                logger.LogInformation(e, "An import batch of {Lines} lines did not commit; its lines run one by one", taken.Count);
                timings.FailedCommits++;
            }
            finally
            {
                timings.Commit += clock.Elapsed;
            }
        }
        foreach (var i in taken) results[i] = await ImportTimings.Time(() => ExecuteAsync(lines[i], user, cancellation), t => timings.Endpoints += t);
        timings.LineByLine += taken.Count;
    }

    private static readonly JsonDocumentOptions LineOptions = new() { AllowDuplicateProperties = false };

    private ParsedLine Parse(int number, string line, bool batching)
    {
        ParsedLine Refuse(string? name, int status, string detail, string? field = null) =>
            ParsedLine.Rejected(number, line, Rejected(number, name, status, detail, field));

        if (line.Length > MaxLineLength) return Refuse(null, 413, $"The line is longer than {MaxLineLength} characters.");

        JsonDocument document;
        var bytes = Encoding.UTF8.GetBytes(line);
        try
        {
            // A property named twice would only fail when the object is first read, far from here.
            document = JsonDocument.Parse(bytes, LineOptions);
        }
        catch (JsonException e)
        {
            if (JsonReadProblems.NestsTooDeeply(bytes, JsonReadProblems.ReaderOptions(LineOptions)))
                return Refuse(null, 400, $"The line is nested too deeply{(e.BytePositionInLine is { } at ? $" at byte {at + 1}" : "")}: {JsonReadProblems.DepthRule(LineOptions.MaxDepth)}.", Problems.Body);
            return Refuse(null, 400, $"Not JSON: {e.Message}", Problems.Body);
        }
        using (document)
        {
            var command = document.RootElement;
            if (command.ValueKind != JsonValueKind.Object) return Refuse(null, 400, "A line is one JSON object with a \"command\" property.", Problems.Body);

            var name = command.TryGetProperty("command", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (name is null || !catalogue.Commands.TryGetValue(name, out var endpoint))
                return Refuse(name, 400, $"Unknown command '{name}'. Known: {string.Join(", ", catalogue.Commands.Keys.Order())}.", "command");

            var routeValues = new Dictionary<string, string>();
            foreach (var parameter in CommandCatalogue.RouteParameters(endpoint))
            {
                if (!command.TryGetProperty(parameter, out var routeValue) || Text(routeValue) is not { Length: > 0 } routeText)
                    return Refuse(name, 400, $"The line needs \"{parameter}\" for {name}.", parameter);
                if (Negotiations.Kernel.EmptyIdGuard.IsEmptyId(routeText))
                    return Refuse(name, 404, $"Nothing has the empty id given as \"{parameter}\": ids are never all zeros.");
                routeValues[parameter] = routeText;
            }

            var claimsKey = command.TryGetProperty("idempotencyKey", out var key);
            var parsed = new ParsedLine(number, line, name, endpoint, routeValues, claimsKey ? Text(key) : null, null);
            // A line with an idempotencyKey claims it in its own transaction, as over HTTP.
            if (!batching || claimsKey || !BatchableCommands.ByName.TryGetValue(name, out var batchable)) return parsed;
            try
            {
                return command.Deserialize(batchable.Command, json.Value.SerializerOptions) is { } body
                    ? parsed with { Batchable = batchable, Command = body }
                    : parsed;
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
            {
                return parsed; // the endpoint words the 400
            }
        }
    }

    /// <summary>A route value or header as the line gives it: a string's text, a number or true/false as written, nothing else.</summary>
    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null
    };

    /// <summary>The line through its HTTP endpoint, in a scope and transaction of its own.</summary>
    private async Task<ImportLineResult> ExecuteAsync(ParsedLine line, ClaimsPrincipal user, CancellationToken cancellation)
    {
        var (number, name, endpoint) = (line.Number, line.Name, line.Endpoint!);
        await using var scope = scopes.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = user };
        context.Request.Method = HttpMethods.Post;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("import");
        context.Request.Path = CommandCatalogue.PathFor(endpoint, line.RouteValues);
        context.Request.ContentType = "application/json";
        context.Request.Headers.Accept = "application/json";
        var body = Encoding.UTF8.GetBytes(line.Text);
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        foreach (var (key, routeValue) in line.RouteValues) context.Request.RouteValues[key] = routeValue;
        if (line.IdempotencyKey is { } idempotencyKey) context.Request.Headers["Idempotency-Key"] = idempotencyKey;
        var response = new MemoryStream();
        context.Response.Body = response;
        context.SetEndpoint(endpoint);
        // Read here as the HTTP pipeline reads a command body before its endpoint does (Hosting/CommandBodyGuard).
        if (CommandBodyGuard.CommandOf(endpoint) is { } type && CommandBodyGuard.Problem(type, body, json.Value.SerializerOptions) is { } unreadable)
            return new ImportLineResult(number, name, StatusCodes.Status400BadRequest, null, LineAnswer.Read(JsonSerializer.SerializeToNode(unreadable, unreadable.GetType())));

        try
        {
            await endpoint.RequestDelegate!(context);
        }
        catch (Exception e) when (e is ExistingStreamIdCollisionException or ConcurrencyException)
        {
            return Rejected(number, name, 409, e.Message);
        }
        catch (Exception e) when (e is BadHttpRequestException bad)
        {
            return Rejected(number, name, bad.StatusCode, e.Message);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import line {Line} ({Command}) failed", number, name);
            return Rejected(number, name, 500, "The line could not be applied; see the server log.");
        }

        JsonNode? answer = null;
        if (response.Length > 0)
        {
            try { answer = JsonNode.Parse(response.ToArray()); }
            catch (JsonException) { answer = JsonValue.Create(Encoding.UTF8.GetString(response.ToArray())); }
        }
        return new ImportLineResult(number, name, context.Response.StatusCode, context.Response.Headers.Location.FirstOrDefault(), LineAnswer.Read(answer));
    }

    /// <summary>A line refused before any endpoint ran; a 400 names its field (a property of the line, "$" for the line as a whole).</summary>
    private static ImportLineResult Rejected(int number, string? command, int status, string detail, string? field = null)
    {
        var problem = status == StatusCodes.Status400BadRequest ? new ValidationProblemDetails(new Dictionary<string, string[]> { [field ?? Problems.Body] = [detail] }) : new ProblemDetails();
        (problem.Status, problem.Title, problem.Detail) = (status, "Line rejected", detail);
        return new(number, command, status, null, LineAnswer.Read(JsonSerializer.SerializeToNode(problem, problem.GetType())));
    }
}
