using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Negotiations.Kernel;

namespace Negotiations.Kernel;

/// <summary>
/// Reading a model of one stream (a write model, or a read model of one stream): now (its inline document), at a stream
/// version, or as recorded up to a moment (knownAt: the events recorded by then). Such a model is folded in the order its
/// events were recorded, so it has no "as it stood on a date" (asOf); the status and the timeline have. Now, the stored
/// document is written from PostgreSQL straight to the response, with its ETag (<see cref="StreamedDocument{T}"/>).
/// </summary>
public static class StreamReads
{
    public static async Task<Results<StreamedDocument<T>, Ok<T>, ProblemHttpResult>> ReadAsync<T>(
        IQuerySession session, Guid id, long? version, DateTimeOffset? knownAt, string what, CancellationToken cancellation) where T : class, IStreamModel<T>
    {
        var problems = new Problems()
            .When(version is not null && knownAt is not null, "knownAt", "Give either version or knownAt, not both.")
            .When(version is < 1, "version", "Versions start at 1.");
        if (problems.Any) return TypedResults.Problem(problems.Invalid());

        if (version is null && knownAt is null)
            return new StreamedDocument<T>(session.Query<T>().Where(d => d.Id == id), $"Unknown {what}", $"No {what} has id {id}.");

        var model = AsItStands.Fold<T>(await session.Events.FetchStreamAsync(id, version ?? 0, knownAt, token: cancellation));
        return model is null
            ? TypedResults.Problem($"{char.ToUpperInvariant(what[0])}{what[1..]} {id} did not exist at that point.", statusCode: 404, title: $"Unknown {what}")
            : TypedResults.Ok(model);
    }
}
