using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Appointments;

/// <summary>The holder of an office resigned. A resignation already on record appends nothing.</summary>
public sealed record ResignOfficial(string Person, string? Reason, Provenance Provenance, [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        OfficialResigned.Rules(new Problems(), Person, Reason)
            .Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(Office office) => Departures.Allowed(office, ExpectedVersion, Person, DepartureKind.Resigned, Provenance.Occurred);

    public IEnumerable<object> Decide(Office office) =>
        office.HeldBy(Person) is { } holder ? [new OfficialResigned(office.Id, holder.Person, Reason?.Trim(), Provenance)] : [];
}

public static class ResignOfficialEndpoint
{
    public static ProblemDetails Validate(ResignOfficial command) => command.Validate();

    public static ProblemDetails Before(ResignOfficial command, Office office) => command.Allowed(office);

    [WolverinePost("/api/offices/{officeId}/resignations", OperationId = "ResignOfficial"), Tags("Appointments")]
    [EndpointSummary("Record that an office holder resigned")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (Office, Events) Post(ResignOfficial command, [WriteAggregate("officeId")] Office office) =>
        Answer.After(office, command.Decide(office));
}
