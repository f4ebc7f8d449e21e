using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Rounds;

/// <summary>Checks shared by the round commands, each naming the JSON path of what is wrong.</summary>
public static class RoundRules
{
    public const int MaxParticipants = 50;
    public const int MaxPoints = 100;
    public const int MaxSummary = 4000;

    public static Problems Names(this Problems problems, string field, IReadOnlyList<string>? names, int max = MaxParticipants)
    {
        if (names is null || names.Count == 0) return problems.Add(field, "At least one is required.");
        if (names.Count > max) return problems.Add(field, $"At most {max}.");
        for (var i = 0; i < names.Count; i++) problems.Text($"{field}[{i}]", names[i]);
        if (names.Where(n => !string.IsNullOrWhiteSpace(n)).GroupBy(n => n.Trim(), StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
            problems.Add(field, "Each is named once.");
        return problems;
    }

    public static Problems Points(this Problems problems, string field, IReadOnlyList<string>? points)
    {
        if (points is null) return problems;
        if (points.Count > MaxPoints) return problems.Add(field, $"At most {MaxPoints} points.");
        for (var i = 0; i < points.Count; i++) problems.Text($"{field}[{i}]", points[i]);
        return problems;
    }

    public static string? Tidy(this string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static IReadOnlyList<string> Tidy(this IReadOnlyList<string>? texts) => (texts ?? []).Select(t => t.Trim()).ToList();

    public static IReadOnlyList<Guid> Tidy(this IReadOnlyList<Guid>? ids) => (ids ?? []).Distinct().ToList();

    /// <summary>Before any rule about a round: it must exist (a retracted round counts as unknown) and be at the version the client read.</summary>
    public static ProblemDetails Current(this Round round, long expectedVersion) =>
        round.Retracted
            ? new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Unknown round", Detail = $"Round {round.Id} was retracted." }
            : StreamVersion.Check(expectedVersion, round.Version, "the round");

    public static ProblemDetails Then(this ProblemDetails first, Func<ProblemDetails> next) =>
        first == WolverineContinue.NoProblems ? next() : first;
}
