using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Mechanisms;

/// <summary>
/// A member left a mechanism. It must sit on it now; one that has already left is satisfied (nothing
/// appended), one that never sat on it is refused.
/// </summary>
public sealed record RecordMechanismMemberLeft(string Member, string? Reason, Provenance Provenance, [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        MechanismMemberLeft.Rules(new Problems(), Member, Reason)
            .Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(Mechanism mechanism) =>
        MechanismRules.Open(ExpectedVersion, mechanism) is var open && open != WolverineContinue.NoProblems
            ? open
            : mechanism.Member(Member) is not null || HasLeft(mechanism)
                ? WolverineContinue.NoProblems
                : DomainProblem.Refused(
                    $"{Member.Trim()} is not a member of {mechanism.Name}; its members are: " +
                    $"{string.Join(", ", mechanism.Members.Select(m => m.Name)).OrNone()}.");

    private bool HasLeft(Mechanism mechanism) => mechanism.FormerMembers.Any(name => MemberNames.Same(name, Member));

    public IEnumerable<object> Decide(Mechanism mechanism) =>
        mechanism.Member(Member) is { } current ? [new MechanismMemberLeft(mechanism.Id, current.Name, Reason?.Trim(), Provenance)] : [];
}

public static class RecordMechanismMemberLeftEndpoint
{
    public static ProblemDetails Validate(RecordMechanismMemberLeft command) => command.Validate();

    public static ProblemDetails Before(RecordMechanismMemberLeft command, Mechanism mechanism) => command.Allowed(mechanism);

    [WolverinePost("/api/mechanisms/{mechanismId}/departures", OperationId = "RecordMechanismMemberLeft"), Tags("Mechanisms")]
    [EndpointSummary("Record that a member left a mechanism")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (Mechanism, Events) Post(RecordMechanismMemberLeft command, [WriteAggregate("mechanismId")] Mechanism mechanism) =>
        Answer.After(mechanism, command.Decide(mechanism));
}
