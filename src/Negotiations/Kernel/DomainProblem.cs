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

    public static string OrNone(this string list) => list.Length == 0 ? "none (it is closed)" : list;
}
