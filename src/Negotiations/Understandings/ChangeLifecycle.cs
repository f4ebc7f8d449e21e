using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Understandings;

/// <summary>Moves an understanding along its lifecycle (proposed ... fulfilled); moves that make no sense are refused.</summary>
public sealed record ChangeLifecycle(Lifecycle Status, string? Reason, Provenance Provenance, [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        UnderstandingLifecycleChanged.Rules(new Problems(), Status, Reason)
            .Positive(ExpectedVersion)
            .Check(Provenance).Result();

    public ProblemDetails Allowed(Understanding understanding) =>
        StreamVersion.Check(ExpectedVersion, understanding.Version, "the understanding") is var stale && stale != WolverineContinue.NoProblems
            ? stale
            : understanding.Status == Status || LifecycleTransitions.CanMove(understanding.Status, Status)
            ? WolverineContinue.NoProblems
            : DomainProblem.Refused(
                $"An understanding that is {understanding.Status.Word()} cannot become {Status.Word()}; " +
                $"it can become: {string.Join(", ", LifecycleTransitions.From(understanding.Status).Select(s => s.Word())).OrNone()}.");

    public IEnumerable<object> Decide(Understanding understanding) =>
        understanding.Status == Status ? [] : [new UnderstandingLifecycleChanged(understanding.Id, Status, Reason?.Trim(), Provenance)];
}

public static class ChangeLifecycleEndpoint
{
    public static ProblemDetails Validate(ChangeLifecycle command) => command.Validate();

    public static ProblemDetails Before(ChangeLifecycle command, Understanding understanding) => command.Allowed(understanding);

    [WolverinePost("/api/understandings/{understandingId}/lifecycle", OperationId = "ChangeLifecycle"), Tags("Understandings")]
    [EndpointSummary("Change an understanding's lifecycle status")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public static (Understanding, Events) Post(ChangeLifecycle command, [WriteAggregate("understandingId")] Understanding understanding) =>
        Answer.After(understanding, command.Decide(understanding));
}
