using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Mechanisms;

public static class MechanismRules
{
    public const int MaxMembers = 50;
    public const int MaxAttendees = 200;

    /// <summary>What every command on an existing mechanism checks first: the version the client read (409), then that it still stands (422).</summary>
    public static ProblemDetails Open(long expectedVersion, Mechanism mechanism) =>
        StreamVersion.Check(expectedVersion, mechanism.Version, "the mechanism") is var stale && stale != WolverineContinue.NoProblems
            ? stale
            : mechanism.Retracted
                ? DomainProblem.Refused($"Mechanism {mechanism.Id} was retracted; nothing more can be recorded about it.")
                : WolverineContinue.NoProblems;

    public static Problems Member(this Problems problems, string field, MechanismMember? member)
    {
        if (member is null) return problems.Add(field, "A member cannot be null.");
        return problems.Text($"{field}.name", member.Name).Defined($"{field}.role", member.Role);
    }
}
