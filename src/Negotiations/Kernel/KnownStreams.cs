using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Kernel;

/// <summary>A write model whose stream a development opened, which a retraction of that development takes back as a whole.</summary>
public interface IRetractable
{
    bool Retracted { get; }
}

/// <summary>That the streams a command names exist and stand (none retracted): a 404 naming the ones that do not.</summary>
public static class KnownStreams
{
    /// <param name="what">The concept in the API's words: "understanding", "casualty claim".</param>
    public static async Task<ProblemDetails> CheckAsync<T>(IQuerySession session, IEnumerable<Guid>? ids, string what, CancellationToken cancellation)
        where T : class, IRetractable, IStreamModel<T>
    {
        var wanted = (ids ?? []).Distinct().ToArray();
        if (wanted.Length == 0) return WolverineContinue.NoProblems;
        var found = await session.LoadManyAsync<T>(cancellation, wanted);
        var missing = wanted.Except(found.Where(s => !s.Retracted).Select(s => s.Id)).ToArray();
        return missing.Length == 0
            ? WolverineContinue.NoProblems
            : new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = $"Unknown {what}",
                Detail = $"No {what} has id {string.Join(", ", missing)}."
            };
    }
}

/// <summary>
/// Marks an endpoint method whose only work is <see cref="KnownStreams.CheckAsync{T}"/> of streams of <see cref="Model"/>
/// on the command's property of this name (one id or a list), once per attribute. The import then decides it with the
/// streams a batch already holds, instead of a query per line (Import/BatchableCommands.cs); a method that does
/// anything else must not carry it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public class ChecksNamedAttribute(Type model, string property) : Attribute
{
    public Type Model { get; } = model;
    public string Property { get; } = property;
}
