using Negotiations.Kernel;
namespace Negotiations.Mechanisms;

/// <summary>What a member does in an oversight or verification body.</summary>
[Vocabulary("member-role", "Roles in monitoring and oversight bodies (joint commissions, trilateral mechanisms)")]
public enum MemberRole
{
    [Definition("Chairs the body.")]
    Chair,
    [Definition("Chairs the body together with another.")]
    CoChair,
    [Definition("A full member.")]
    Member,
    [Definition("A member that guarantees what the body oversees.")]
    Guarantor,
    [Definition("Supports the body politically or with resources.")]
    Backer,
    [Definition("Monitors or verifies on the body's behalf.")]
    Monitor,
    [Definition("Attends without a vote or a role in decisions.")]
    Observer,
    [Definition("Runs the body's work (minutes, reports, logistics).")]
    Secretariat
}

/// <summary>A state, organisation or person sitting on a mechanism, with its role there.</summary>
public sealed record MechanismMember(string Name, MemberRole Role);

public static class MemberNames
{
    /// <summary>Members are told apart by name, ignoring case and surrounding spaces.</summary>
    public static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
}
