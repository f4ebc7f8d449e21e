using Negotiations.Kernel;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Commitments;

public static class GetCommitmentEndpoint
{
    /// <summary>What readers see of the commitment as it stands: deadline, assessment and standing with the developments that set them, the latest steps and breaches.</summary>
    [WolverineGet("/api/commitments/{commitmentId}", OperationId = "GetCommitment"), Tags("Commitments")]
    [EndpointSummary("Read a commitment")]
    public static StreamedDocument<CommitmentDetails> Get(Guid commitmentId, IQuerySession session) =>
        new(session.Query<CommitmentDetails>().Where(d => d.Id == commitmentId), "Unknown commitment", $"No commitment has id {commitmentId}.");
}
