using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Sources;
using Negotiations.Validation;
using Wolverine.Http;

namespace Negotiations.Corrections;

/// <summary>
/// Replaces the details of an earlier development: the replacement is the same kind of development,
/// about the same things (every id it names stays), with its own provenance.
/// </summary>
public sealed record CorrectDevelopment(string Reason, JsonElement Replacement)
{
    public ProblemDetails Validate() => new Problems()
        .Text("reason", Reason)
        .When(Replacement.ValueKind != JsonValueKind.Object, "replacement", "The corrected development, as a JSON object of the same kind as the original.")
        .Result();

    /// <summary>Reads the replacement as the original's event type and checks it names the same things.</summary>
    public (object? Replacement, ProblemDetails Problems) Read(CorrectionTarget target, ISerializer serializer)
    {
        object? replacement;
        try
        {
            replacement = serializer.FromJson(target.Event.EventType, new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(Replacement)));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return (null, new Problems().Add("replacement", $"Not a valid {target.Event.EventTypeName}: {e.Message}").Result());
        }

        var problems = new Problems();
        if (replacement is null) return (null, problems.Add("replacement", "Required.").Result());
        foreach (var property in target.Event.EventType.GetProperties().Where(p => p.PropertyType == typeof(Guid)))
        {
            if (!Equals(property.GetValue(replacement), property.GetValue(target.Event.Data)))
                problems.Add($"replacement.{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}", "A correction keeps every id of the original.");
        }
        if (replacement is IDevelopment development) problems.Check(development.Provenance, "replacement.provenance");
        return (replacement, problems.Result());
    }
}

public static class CorrectDevelopmentEndpoint
{
    public static ProblemDetails Validate(CorrectDevelopment command) => command.Validate();

    public static Task<CorrectionTarget?> LoadAsync(Guid eventId, IDocumentSession session, CancellationToken cancellation) =>
        CorrectionTarget.LoadAsync(session, eventId, cancellation);

    public static ProblemDetails Before(CorrectionTarget? target, Guid eventId) => target switch
    {
        { AlreadyRetracted: true } => DomainProblem.Refused($"Development {eventId} was retracted; log it again instead of correcting it."),
        { Event.Version: 1 } => DomainProblem.Refused(
            "The development that opened a stream cannot be replaced: retract it and log it anew, or log what changed since."),
        _ => CorrectionTarget.Check(target, eventId)
    };

    [WolverinePost("/api/developments/{eventId}/correction", OperationId = "CorrectDevelopment"), Tags("Corrections")]
    [EndpointSummary("Correct an earlier development, naming it by event id and giving its replacement")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Results<Ok<CorrectionResult>, ProblemHttpResult> Post(CorrectDevelopment command, CorrectionTarget target, IDocumentSession session)
    {
        var (replacement, problems) = command.Read(target, session.DocumentStore.Options.Serializer());
        if (replacement is null || problems != WolverineContinue.NoProblems) return TypedResults.Problem(problems);

        session.Events.Append(target.Event.StreamId, target.StreamVersion + 2,
            new DevelopmentCorrected(target.Event.Id, target.Event.EventTypeName, command.Reason.Trim()), replacement);
        return TypedResults.Ok(new CorrectionResult(target.Event.StreamId, target.Event.Id, target.StreamVersion + 2));
    }
}
