namespace Negotiations.Understandings;

/// <summary>
/// Marks an endpoint method whose only work is <see cref="KnownUnderstandings.CheckAsync"/> on the command's property
/// of this name (one id or a list). The import then decides it with the understandings a batch already holds, instead
/// of a query per line (Import/BatchableCommands.cs); a method that does anything else must not carry it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChecksNamedUnderstandingsAttribute(string property) : Attribute
{
    public string Property { get; } = property;
}
