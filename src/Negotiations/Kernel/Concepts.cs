namespace Negotiations.Kernel;

/// <summary>
/// A concept is the folder (namespace) its events and write model live in: Understandings, Rounds, Zones... The
/// retractions and corrections live in the kernel, since every concept folds them, but belong to Corrections.
/// </summary>
public static class Concepts
{
    public const string Corrections = "Corrections";

    public static string Of(Type type) =>
        type == typeof(DevelopmentRetracted) || type == typeof(DevelopmentCorrected) ? Corrections : type.Namespace?.Split('.')[^1] ?? "Unknown";
}
