using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Negotiations.Kernel;

/// <summary>A command that is well-formed but that the domain forbids in the current state: 422 with the reason.</summary>
public static class DomainProblem
{
    public static ProblemDetails Refused(string reason) => new()
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "The domain refuses this development",
        Detail = reason
    };

    /// <summary>The enum value as the API spells it (kebab-case), for messages.</summary>
    public static string Word<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>The enum value a query spells as a word ("air-strike"), or null when no value is spelt so.</summary>
    public static TEnum? FromWord<TEnum>(string word) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Cast<TEnum?>().FirstOrDefault(v => v!.Value.Word() == word);

    public static string OrNone(this string list) => list.Length == 0 ? "none (it is closed)" : list;
}
