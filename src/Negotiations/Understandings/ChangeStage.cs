using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Understandings;

/// <summary>
/// Moves an understanding to another PA-X stage. Any stage may follow any other; the same stage (with the same label,
/// for "other") is a no-op.
/// </summary>
public sealed record ChangeStage(PaxStage Stage, Provenance Provenance, [property: JsonPropertyName("version")] long ExpectedVersion, string? StageLabel = null)
{
    public ProblemDetails Validate() =>
        UnderstandingStageChanged.Rules(new Problems(), Stage, StageLabel).Positive(ExpectedVersion)
            .Check(Provenance).Result();

    public ProblemDetails Allowed(Understanding understanding) =>
        StreamVersion.Check(ExpectedVersion, understanding.Version, "the understanding");

    public IEnumerable<object> Decide(Understanding understanding) =>
        understanding.Stage == Stage && understanding.StageLabel == StageLabel?.Trim()
            ? []
            : [new UnderstandingStageChanged(understanding.Id, Stage, Provenance, StageLabel?.Trim())];
}

public static class ChangeStageEndpoint
{
    public static ProblemDetails Validate(ChangeStage command) => command.Validate();

    public static ProblemDetails Before(ChangeStage command, Understanding understanding) => command.Allowed(understanding);

    [WolverinePost("/api/understandings/{understandingId}/stage", OperationId = "ChangeStage"), Tags("Understandings")]
    [EndpointSummary("Change an understanding's PA-X stage")]
    public static (Understanding, Events) Post(ChangeStage command, [WriteAggregate("understandingId")] Understanding understanding) =>
        Answer.After(understanding, command.Decide(understanding));
}
