namespace Negotiations.Mechanisms;

/// <summary>
/// Who sits on a mechanism, in the order they joined, and who sat on it once and left since. Joining and leaving say
/// which membership rule the change would break (joining while sitting on it, leaving without sitting on it, more than
/// <see cref="MechanismRules.MaxMembers"/> members), for a stream folded again after a correction. Pure.
/// </summary>
public static class Membership
{
    public static MechanismMember? Named(this IReadOnlyList<MechanismMember> members, string name) =>
        members.FirstOrDefault(m => MemberNames.Same(m.Name, name));

    public static (IReadOnlyList<MechanismMember> Members, IReadOnlyList<string> Former, string? Broken) Join(
        IReadOnlyList<MechanismMember> members, IReadOnlyList<string> former, MechanismMember member, string mechanism)
    {
        var broken = members.Named(member.Name) is not null ? $"{member.Name} would join {mechanism} while already sitting on it."
            : members.Count >= MechanismRules.MaxMembers ? $"{mechanism} would have more than {MechanismRules.MaxMembers} members."
            : null;
        return ([.. members.Where(m => !MemberNames.Same(m.Name, member.Name)), member],
            former.Where(name => !MemberNames.Same(name, member.Name)).ToList(), broken);
    }

    public static (IReadOnlyList<MechanismMember> Members, IReadOnlyList<string> Former, string? Broken) Leave(
        IReadOnlyList<MechanismMember> members, IReadOnlyList<string> former, string name, string mechanism) =>
        members.Named(name) is null
            ? (members, former, $"{name} would leave {mechanism} without sitting on it.")
            : (members.Where(m => !MemberNames.Same(m.Name, name)).ToList(),
                former.Any(f => MemberNames.Same(f, name)) ? former : [.. former, name], null);
}
