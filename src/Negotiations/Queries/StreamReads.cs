using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Negotiations.Queries;

/// <summary>Reading one stream's write model: now (its inline document), at a stream version, or as recorded at a moment.</summary>
public static class StreamReads
{
    public static async Task<Results<Ok<T>, ProblemHttpResult>> ReadAsync<T>(
        IQuerySession session, Guid id, long? version, DateTimeOffset? asOf, string what, CancellationToken cancellation) where T : class
    {
        if (version is not null && asOf is not null)
            return TypedResults.Problem("Give either version or asOf, not both.", statusCode: 400, title: "Choose one point of view");
        if (version is < 1)
            return TypedResults.Problem("version starts at 1.", statusCode: 400, title: "Invalid version");

        var model = version is not null || asOf is not null
            ? await session.Events.AggregateStreamAsync<T>(id, version ?? 0, asOf, token: cancellation)
            : await session.LoadAsync<T>(id, cancellation);

        return model is null
            ? TypedResults.Problem(
                version is null && asOf is null ? $"No {what} has id {id}." : $"{char.ToUpperInvariant(what[0])}{what[1..]} {id} did not exist at that point.",
                statusCode: 404, title: $"Unknown {what}")
            : TypedResults.Ok(model);
    }
}
