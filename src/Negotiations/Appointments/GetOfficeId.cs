using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Appointments;

/// <summary>The id of an office and the normalised name it is computed from.</summary>
public sealed record OfficeIdentity(Guid OfficeId, string Name, Guid Namespace);

public static class GetOfficeIdEndpoint
{
    /// <summary>
    /// Computes an office's id from its title and jurisdiction, exactly as the appointment endpoint does
    /// (RFC 4122 version 5 UUID of "office|jurisdiction", normalised). Whether anyone was appointed to it
    /// is a separate question (GET /api/offices/{officeId}).
    /// </summary>
    [WolverineGet("/api/offices/id", OperationId = "GetOfficeId"), Tags("Appointments")]
    [EndpointSummary("Compute an office's id from its title and jurisdiction")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static Results<Ok<OfficeIdentity>, ProblemHttpResult> GetId([FromQuery] string? office, [FromQuery] string? jurisdiction)
    {
        var problems = new Problems().Text("office", office).Text("jurisdiction", jurisdiction)
            .When(office?.Contains(OfficeIds.Separator) == true, "office", $"An office title cannot contain '{OfficeIds.Separator}'.")
            .When(jurisdiction?.Contains(OfficeIds.Separator) == true, "jurisdiction", $"A jurisdiction cannot contain '{OfficeIds.Separator}'.");
        if (problems.Any) return TypedResults.Problem(problems.Invalid());
        return TypedResults.Ok(new OfficeIdentity(OfficeIds.For(office!, jurisdiction!), OfficeIds.Name(office!, jurisdiction!), OfficeIds.Namespace));
    }
}
