namespace Negotiations.Kernel;

/// <summary>A concept is the folder (namespace) its events and write model live in: Understandings, Rounds, Zones...</summary>
public static class Concepts
{
    public static string Of(Type type) => type.Namespace?.Split('.')[^1] ?? "Unknown";
}
