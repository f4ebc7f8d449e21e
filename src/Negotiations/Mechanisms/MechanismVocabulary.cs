namespace Negotiations.Mechanisms;

/// <summary>What a member does in an oversight or verification body.</summary>
public enum MemberRole { Chair, CoChair, Member, Guarantor, Backer, Monitor, Observer, Secretariat }

/// <summary>A state, organisation or person sitting on a mechanism, with its role there.</summary>
public sealed record MechanismMember(string Name, MemberRole Role);

public static class MemberNames
{
    /// <summary>Members are told apart by name, ignoring case and surrounding spaces.</summary>
    public static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
}
