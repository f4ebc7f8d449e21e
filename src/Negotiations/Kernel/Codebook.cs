using System.Reflection;

namespace Negotiations.Kernel;

/// <summary>Marks a closed list of words as a vocabulary of the codebook, under its name in the API and what it is grounded in.</summary>
[AttributeUsage(AttributeTargets.Enum)]
public sealed class VocabularyAttribute(string name, string groundedIn) : Attribute
{
    public string Name { get; } = name;
    public string GroundedIn { get; } = groundedIn;
}

/// <summary>What one word of a vocabulary means.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class DefinitionAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}

public sealed record Term(string Word, string Definition);

public sealed record Vocabulary(string Name, string GroundedIn, IReadOnlyList<Term> Terms);

/// <summary>
/// Every vocabulary the API speaks, with a definition of each word: found from the words themselves
/// (<see cref="VocabularyAttribute"/>, <see cref="DefinitionAttribute"/>), so a new vocabulary or word is defined where it is declared.
/// </summary>
public static class Codebook
{
    /// <summary>Changes whenever a word is added or its definition changes: a release of the record names the codebook it was coded with.</summary>
    public const string Version = "2026-12";

    private static readonly Dictionary<Type, Vocabulary> ByType = typeof(Codebook).Assembly.GetTypes()
        .Where(t => t.IsEnum && t.GetCustomAttribute<VocabularyAttribute>() is not null)
        .ToDictionary(t => t, Read);

    public static IReadOnlyList<Vocabulary> Vocabularies { get; } = ByType.Values.OrderBy(v => v.Name, StringComparer.Ordinal).ToList();

    /// <summary>The vocabulary of an enum marked as one; read once, when the codebook is first used.</summary>
    public static Vocabulary Of(Type vocabulary) => ByType.TryGetValue(vocabulary, out var known) ? known : Read(vocabulary);

    private static Vocabulary Read(Type vocabulary)
    {
        var about = vocabulary.GetCustomAttribute<VocabularyAttribute>()!;
        var terms = vocabulary.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => new Term(Word((Enum)f.GetValue(null)!), f.GetCustomAttribute<DefinitionAttribute>()?.Text ?? ""))
            .ToList();
        return new Vocabulary(about.Name, about.GroundedIn, terms);
    }

    /// <summary>The definition of a word, for readers that show one next to it.</summary>
    public static string? Definition<TEnum>(TEnum word) where TEnum : struct, Enum
    {
        var spelled = Word(word);
        return Of(typeof(TEnum)).Terms.FirstOrDefault(t => t.Word == spelled)?.Definition is { Length: > 0 } text ? text : null;
    }

    private static string Word(Enum value) => value.GetType() == typeof(Reliability)
        ? value.ToString()
        : System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
