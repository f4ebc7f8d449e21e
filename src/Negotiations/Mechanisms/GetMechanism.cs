using Negotiations.Kernel;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Mechanisms;

public static class GetMechanismEndpoint
{
    /// <summary>The mechanism as it stands: current and former members, mandate, what it oversees, its latest meetings and reports.</summary>
    [WolverineGet("/api/mechanisms/{mechanismId}", OperationId = "GetMechanism"), Tags("Mechanisms")]
    [EndpointSummary("Read an oversight mechanism")]
    public static StreamedDocument<MechanismDetails> Get(Guid mechanismId, IQuerySession session) =>
        new(session.Query<MechanismDetails>().Where(d => d.Id == mechanismId), "Unknown mechanism", $"No mechanism has id {mechanismId}.");
}
