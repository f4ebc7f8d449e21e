using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Mechanisms;

/// <summary>
/// A mechanism met. When is the provenance's occurred date. Attendees need not be members (observers,
/// invited parties). The same meeting sent again (same occurrence, same summary, among the mechanism's latest) appends nothing.
/// </summary>
public sealed record RecordMechanismMeeting(IReadOnlyList<string> Attendees, string Summary, string? Venue, Provenance Provenance, [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        MechanismMeetingHeld.Rules(new Problems(), Attendees, Summary, Venue).Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(Mechanism mechanism) => MechanismRules.Open(ExpectedVersion, mechanism);

    public IEnumerable<object> Decide(Mechanism mechanism) =>
        mechanism.RecentMeetings.Any(m => m.On == Provenance.Occurred && m.Summary == Summary.Trim())
            ? []
            : [new MechanismMeetingHeld(mechanism.Id, Attendees.Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                Summary.Trim(), Venue?.Trim(), Provenance)];
}

public static class RecordMechanismMeetingEndpoint
{
    public static ProblemDetails Validate(RecordMechanismMeeting command) => command.Validate();

    public static ProblemDetails Before(RecordMechanismMeeting command, Mechanism mechanism) => command.Allowed(mechanism);

    [WolverinePost("/api/mechanisms/{mechanismId}/meetings", OperationId = "RecordMechanismMeeting"), Tags("Mechanisms")]
    [EndpointSummary("Record that a mechanism met")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (Mechanism, Events) Post(RecordMechanismMeeting command, [WriteAggregate("mechanismId")] Mechanism mechanism) =>
        Answer.After(mechanism, command.Decide(mechanism));
}
