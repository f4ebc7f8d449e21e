namespace Negotiations.Kernel;

/// <summary>
/// A list of ids a command names (the understandings it concerns, the claims or events it cites): at most so many, none
/// the empty id, each problem named by its index (understandingIds[2]). Whether they exist is checked against the store.
/// </summary>
public static class IdLists
{
    public const int Max = 50;

    /// <param name="what">What the ids name, in the API's words: "understanding", "casualty claim", "event".</param>
    public static Problems Ids(this Problems problems, string field, IReadOnlyList<Guid>? ids, string what, int max = Max)
    {
        if (ids is null) return problems;
        if (ids.Count > max) return problems.Add(field, $"At most {max} {what}s.");
        var article = "aeiou".Contains(what[0]) ? "An" : "A";
        for (var i = 0; i < ids.Count; i++) problems.When(ids[i] == Guid.Empty, $"{field}[{i}]", $"{article} {what} id, not the empty id.");
        return problems;
    }
}
