using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Appointments;

/// <summary>The holder of an office was dismissed. Dismissing someone already dismissed appends nothing.</summary>
public sealed record DismissOfficial(string Person, string DismissedBy, string? Reason, Provenance Provenance, [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        OfficialDismissed.Rules(new Problems(), Person, DismissedBy, Reason)
            .Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(Office office) => Departures.Allowed(office, ExpectedVersion, Person, DepartureKind.Dismissed, Provenance.Occurred);

    public IEnumerable<object> Decide(Office office) =>
        office.HeldBy(Person) is { } holder ? [new OfficialDismissed(office.Id, holder.Person, DismissedBy.Trim(), Reason?.Trim(), Provenance)] : [];
}

public static class DismissOfficialEndpoint
{
    public static ProblemDetails Validate(DismissOfficial command) => command.Validate();

    public static ProblemDetails Before(DismissOfficial command, Office office) => command.Allowed(office);

    [WolverinePost("/api/offices/{officeId}/dismissals", OperationId = "DismissOfficial"), Tags("Appointments")]
    [EndpointSummary("Record that an office holder was dismissed")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (Office, Events) Post(DismissOfficial command, [WriteAggregate("officeId")] Office office) =>
        Answer.After(office, command.Decide(office));
}
