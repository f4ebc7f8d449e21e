using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Zones;

public static class FindWithdrawalUnverifiableEndpoint
{
    public static ProblemDetails Validate(AssessWithdrawal command) => command.Validate();

    public static async Task<ProblemDetails> BeforeAsync(AssessWithdrawal command, Zone zone, IDocumentSession session, CancellationToken cancellation) =>
        command.Allowed(zone, await command.NamedAsync(zone, session, cancellation));

    [WolverinePost("/api/zones/{zoneId}/withdrawals/unverifiable", OperationId = "FindWithdrawalUnverifiable"), Tags("Zones")]
    [EndpointSummary("Log that a monitor could not verify a declared withdrawal")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (Zone, Events) Post(AssessWithdrawal command, [WriteAggregate("zoneId")] Zone zone) =>
        Answer.After(zone, command.Decide(zone, WithdrawalStatus.Unverifiable));
}
