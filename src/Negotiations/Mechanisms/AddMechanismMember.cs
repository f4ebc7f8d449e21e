using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Mechanisms;

/// <summary>A member joins a mechanism. Adding someone who already sits on it in that role appends nothing.</summary>
public sealed record AddMechanismMember(MechanismMember Member, Provenance Provenance, [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        MechanismMemberAdded.Rules(new Problems(), Member).Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(Mechanism mechanism) =>
        MechanismRules.Open(ExpectedVersion, mechanism) is var open && open != WolverineContinue.NoProblems
            ? open
            : mechanism.Member(Member.Name) is { } current && current.Role != Member.Role
                ? DomainProblem.Refused(
                    $"{current.Name} already sits on {mechanism.Name} as {current.Role.Word()}; record that it left before adding it as {Member.Role.Word()}.")
                : mechanism.Members.Count >= MechanismRules.MaxMembers && mechanism.Member(Member.Name) is null
                    ? DomainProblem.Refused($"A mechanism has at most {MechanismRules.MaxMembers} members.")
                    : WolverineContinue.NoProblems;

    public IEnumerable<object> Decide(Mechanism mechanism) =>
        mechanism.Member(Member.Name) is not null ? [] : [new MechanismMemberAdded(mechanism.Id, Member with { Name = Member.Name.Trim() }, Provenance)];
}

public static class AddMechanismMemberEndpoint
{
    public static ProblemDetails Validate(AddMechanismMember command) => command.Validate();

    public static ProblemDetails Before(AddMechanismMember command, Mechanism mechanism) => command.Allowed(mechanism);

    [WolverinePost("/api/mechanisms/{mechanismId}/members", OperationId = "AddMechanismMember"), Tags("Mechanisms")]
    [EndpointSummary("Add a member to a mechanism")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (Mechanism, Events) Post(AddMechanismMember command, [WriteAggregate("mechanismId")] Mechanism mechanism) =>
        Answer.After(mechanism, command.Decide(mechanism));
}
