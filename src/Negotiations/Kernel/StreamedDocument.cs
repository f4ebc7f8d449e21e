using System.Reflection;
using Marten.AspNetCore;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Negotiations.Kernel;

/// <summary>
/// A read that is one stored document, written from PostgreSQL straight to the response (not read into an object and
/// written out again), with the document's version as its ETag: a client that sends it back in If-None-Match gets a
/// 304 without a body. An unknown id is a 404 ProblemDetails like every other, not Marten's empty 404.
/// </summary>
public sealed class StreamedDocument<T>(IQueryable<T> query, string title, string detail) : IResult, IEndpointMetadataProvider
{
    public async Task ExecuteAsync(HttpContext context)
    {
        await query.WriteSingle(context);
        if (context.Response.StatusCode == StatusCodes.Status404NotFound && !context.Response.HasStarted)
            await ProblemResponse.WriteAsync(context, StatusCodes.Status404NotFound, title, detail);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void), []));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDetails), ["application/problem+json"]));
    }
}
