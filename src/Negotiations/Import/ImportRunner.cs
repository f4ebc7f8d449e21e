using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Mvc;

namespace Negotiations.Import;

/// <summary>
/// Applies a field report in JSON Lines, one command per line: {"command":"ProposeUnderstanding", ...}.
/// Each line runs through its HTTP endpoint in its own scope and transaction; a bad line is reported
/// with its number and the others still apply. Lines are read and answered one at a time, so a
/// report of any length is never held in memory.
/// </summary>
public sealed class ImportRunner(CommandCatalogue catalogue, IServiceScopeFactory scopes, ILogger<ImportRunner> logger)
{
    public const int MaxLineLength = 256 * 1024;

    public async IAsyncEnumerable<ImportLineResult> RunAsync(TextReader reader, ClaimsPrincipal user,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation, int maxLines = int.MaxValue)
    {
        var (number, commands) = (0, 0);
        while (await reader.ReadLineAsync(cancellation) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (++commands > maxLines)
            {
                yield return Rejected(number, null, 413, $"An import applies at most {maxLines} lines: this line and the ones after it were not read. Send them in another import.");
                yield break;
            }
            yield return await ApplyAsync(number, line, user, cancellation);
        }
    }

    private async Task<ImportLineResult> ApplyAsync(int number, string line, ClaimsPrincipal user, CancellationToken cancellation)
    {
        if (line.Length > MaxLineLength) return Rejected(number, null, 413, $"The line is longer than {MaxLineLength} characters.");

        JsonObject? command;
        try
        {
            // A property named twice would only fail when the object is first read, far from here.
            command = JsonNode.Parse(line, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject;
        }
        catch (JsonException e)
        {
            return Rejected(number, null, 400, $"Not JSON: {e.Message}");
        }
        if (command is null) return Rejected(number, null, 400, "A line is one JSON object with a \"command\" property.");

        var name = command["command"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        if (name is null || !catalogue.Commands.TryGetValue(name, out var endpoint))
            return Rejected(number, name, 400, $"Unknown command '{name}'. Known: {string.Join(", ", catalogue.Commands.Keys.Order())}.");

        var routeValues = new Dictionary<string, string>();
        foreach (var parameter in CommandCatalogue.RouteParameters(endpoint))
        {
            if (command[parameter] is not JsonValue routeValue || routeValue.ToString() is not { Length: > 0 } routeText)
                return Rejected(number, name, 400, $"The line needs \"{parameter}\" for {name}.");
            if (Hosting.EmptyIdGuard.IsEmptyId(routeText))
                return Rejected(number, name, 404, $"Nothing has the empty id given as \"{parameter}\": ids are never all zeros.");
            routeValues[parameter] = routeText;
        }

        await using var scope = scopes.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = user };
        context.Request.Method = HttpMethods.Post;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("import");
        context.Request.Path = CommandCatalogue.PathFor(endpoint, routeValues);
        context.Request.ContentType = "application/json";
        context.Request.Headers.Accept = "application/json";
        var body = Encoding.UTF8.GetBytes(line);
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        foreach (var (key, routeValue) in routeValues) context.Request.RouteValues[key] = routeValue;
        if (command["idempotencyKey"] is JsonValue idempotencyKey) context.Request.Headers["Idempotency-Key"] = idempotencyKey.ToString();
        var response = new MemoryStream();
        context.Response.Body = response;
        context.SetEndpoint(endpoint);

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
        return new ImportLineResult(number, name, context.Response.StatusCode, context.Response.Headers.Location.FirstOrDefault(), answer);
    }

    private static ImportLineResult Rejected(int number, string? command, int status, string detail) =>
        new(number, command, status, null, JsonSerializer.SerializeToNode(new ProblemDetails { Status = status, Title = "Line rejected", Detail = detail }));
}
