using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Kernel;

/// <summary>
/// A command body is read here once before its endpoint reads it, with the same serializer options, so that a body
/// that is not JSON, is null, or holds a value of the wrong kind (a number for a word, an unknown word, text for a
/// date) is a 400 naming the field and what it accepts. Wolverine's own answer to such a body names .NET types and
/// logs the client's mistake as an error with its stack trace; WolverineFx.Http 6.64 has no hook to word it. The
/// body is buffered and rewound for the endpoint. The import sends its lines through <see cref="Problem"/> too. A body
/// nested deeper than the serializer reads is a 400 saying so, keyed by the field it was in.
/// </summary>
public sealed class CommandBodyGuard(RequestDelegate next, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/api")
            && CommandOf(context.GetEndpoint()) is { } command
            && IsJson(request.ContentType))
        {
            request.EnableBuffering();
            ProblemDetails? problem;
            try
            {
                problem = await ProblemAsync(command, request.Body, json.Value.SerializerOptions, context.RequestAborted);
            }
            finally
            {
                request.Body.Position = 0;
            }
            if (problem is not null)
            {
                await ProblemResponse.WriteAsync(context, problem);
                return;
            }
        }
        await next(context);
    }

    /// <summary>
    /// The command an endpoint reads from its body as JSON, or null for one that reads none: Wolverine gives an endpoint
    /// without a body parameter (the import, which reads its body as lines) the request type void.
    /// </summary>
    public static Type? CommandOf(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<HttpChain>()?.RequestType is { } type && type != typeof(void) ? type : null;

    /// <summary>The 400 of a body that cannot be read as the command, or null when it can.</summary>
    public static ProblemDetails? Problem(Type command, ReadOnlySpan<byte> body, JsonSerializerOptions json)
    {
        try
        {
            return JsonSerializer.Deserialize(body, command, json) is null ? NotACommand() : null;
        }
        catch (JsonException e)
        {
            return Unreadable(e, body, command, json);
        }
    }

    private static async Task<ProblemDetails?> ProblemAsync(Type command, Stream body, JsonSerializerOptions json, CancellationToken cancellation)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(body, command, json, cancellation) is null ? NotACommand() : null;
        }
        catch (JsonException e)
        {
            // Buffered: read again from its start to tell a body nested too deeply from one that is not JSON.
            body.Position = 0;
            using var copy = new MemoryStream();
            await body.CopyToAsync(copy, cancellation);
            return Unreadable(e, copy.GetBuffer().AsSpan(0, (int)copy.Length), command, json);
        }
    }

    private static ProblemDetails NotACommand() => Titled(new Problems()
        .Add("", "Expected a JSON object with the command's fields; the body is null. Nothing was recorded."));

    private static ProblemDetails Unreadable(JsonException e, ReadOnlySpan<byte> body, Type command, JsonSerializerOptions json) =>
        Titled(new Problems().Unreadable(e, body, command, json));

    private static ProblemDetails Titled(Problems problems)
    {
        var result = problems.Result();
        result.Title = "The body cannot be read as this command";
        return result;
    }

    /// <summary>What Wolverine reads as JSON (any other content type is its 415).</summary>
    private static bool IsJson(string? contentType) =>
        string.IsNullOrEmpty(contentType) || contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("text/json", StringComparison.OrdinalIgnoreCase) || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("*/*");
}
