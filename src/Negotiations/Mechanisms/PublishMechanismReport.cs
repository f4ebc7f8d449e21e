using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Mechanisms;

/// <summary>A mechanism published a report. A report with the same title among its latest appends nothing.</summary>
public sealed record PublishMechanismReport(string Title, string Summary, string? Citation, Provenance Provenance, [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        MechanismReportPublished.Rules(new Problems(), Title, Summary, Citation)
            .Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(Mechanism mechanism) => MechanismRules.Open(ExpectedVersion, mechanism);

    public IEnumerable<object> Decide(Mechanism mechanism) =>
        mechanism.RecentReportTitles.Any(title => MemberNames.Same(title, Title))
            ? []
            : [new MechanismReportPublished(mechanism.Id, Title.Trim(), Summary.Trim(), Citation?.Trim(), Provenance)];
}

public static class PublishMechanismReportEndpoint
{
    public static ProblemDetails Validate(PublishMechanismReport command) => command.Validate();

    public static ProblemDetails Before(PublishMechanismReport command, Mechanism mechanism) => command.Allowed(mechanism);

    [WolverinePost("/api/mechanisms/{mechanismId}/reports", OperationId = "PublishMechanismReport"), Tags("Mechanisms")]
    [EndpointSummary("Record a report a mechanism published")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (Mechanism, Events) Post(PublishMechanismReport command, [WriteAggregate("mechanismId")] Mechanism mechanism) =>
        Answer.After(mechanism, command.Decide(mechanism));
}
