using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Kernel;

/// <summary>Collects what is wrong with a command, field by field, and turns it into a 400 ValidationProblemDetails.</summary>
public sealed class Problems
{
    public const int MaxText = 500;

    /// <summary>The key of a problem with the body as a whole (its JSON path).</summary>
    public const string Body = "$";
    private readonly Dictionary<string, List<string>> _errors;
    private readonly string _prefix;

    public Problems() : this(new Dictionary<string, List<string>>(), "") { }

    private Problems(Dictionary<string, List<string>> errors, string prefix) => (_errors, _prefix) = (errors, prefix);

    /// <summary>
    /// The same problems, with every field named inside an object of the command: rules written for a development's
    /// own fields ("depthKm") name them where the command holds it ("replacement.depthKm").
    /// </summary>
    public Problems Within(string field) => new(_errors, $"{_prefix}{field}.");

    /// <summary>A problem of one field; the empty field is the object itself (the body is "$").</summary>
    public Problems Add(string field, string message)
    {
        var at = field.Length > 0 ? _prefix + field : _prefix.Length > 0 ? _prefix[..^1] : Body;
        if (!_errors.TryGetValue(at, out var list)) _errors[at] = list = [];
        list.Add(message);
        return this;
    }

    public Problems When(bool wrong, string field, string message) => wrong ? Add(field, message) : this;

    public Problems Text(string field, string? value, bool required = true, int max = MaxText)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "Required.");
        }
        else if (value.Length > max) Add(field, $"At most {max} characters.");
        else if (!IsUnicodeText(value)) Add(field, "Not Unicode text: it holds an unpaired surrogate or a NUL character, which cannot be stored as they were sent.");
        return this;
    }

    /// <summary>Text PostgreSQL stores exactly as sent: UTF-16 that encodes to UTF-8 without replacement, and no NUL (jsonb refuses it).</summary>
    public static bool IsUnicodeText(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0') return false;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(c)) return false;
        }
        return true;
    }

    public Problems Defined<TEnum>(string field, TEnum value) where TEnum : struct, Enum =>
        When(!Enum.IsDefined(value), field, $"Expected {Accepted.InQuery(typeof(TEnum))}.");

    /// <summary>The word "other" comes with a label in the source's words (kept and shown); every other word is defined in the codebook and takes none.</summary>
    public Problems Labelled<TEnum>(string field, TEnum word, string? label, string wordField) where TEnum : struct, Enum
    {
        if (word.ToString() != "Other")
            return When(label is not null, field, $"Only \"other\" takes a label: \"{word.Word()}\" is defined in the codebook (GET /api/codebook).");
        if (string.IsNullOrWhiteSpace(label)) return Add(field, $"Required when {wordField} is \"other\": what it is, in the source's words.");
        return Text(field, label, max: MaxLabel);
    }

    public const int MaxLabel = 100;

    public bool Any => _errors.Count > 0;

    public ProblemDetails Result() => Any
        ? new ValidationProblemDetails(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The command is not valid",
            Detail = string.Join(" ", _errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
        }
        : WolverineContinue.NoProblems;
}
