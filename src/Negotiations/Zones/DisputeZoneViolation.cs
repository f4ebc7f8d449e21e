using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Zones;

public static class DisputeZoneViolationEndpoint
{
    public static ProblemDetails Validate(RuleOnViolation command) => command.Validate();

    public static async Task<ProblemDetails> BeforeAsync(RuleOnViolation command, Zone zone, IDocumentSession session, CancellationToken cancellation) =>
        command.Allowed(zone, await command.NamedAsync(zone, session, cancellation));

    [WolverinePost("/api/zones/{zoneId}/violations/disputed", OperationId = "DisputeZoneViolation"), Tags("Zones")]
    [EndpointSummary("Log that a reported violation was disputed")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (Zone, Events) Post(RuleOnViolation command, [WriteAggregate("zoneId")] Zone zone) =>
        Answer.After(zone, command.Decide(zone, ViolationStatus.Disputed));
}
