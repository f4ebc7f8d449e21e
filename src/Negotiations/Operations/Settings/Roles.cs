namespace Negotiations.Operations.Settings;

/// <summary>Who may do what: monitors log developments, auditors replay and verify, viewers read.</summary>
public static class Roles
{
    public const string Monitor = "monitor";
    public const string Auditor = "auditor";
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> All = [Monitor, Auditor, Viewer];
}
