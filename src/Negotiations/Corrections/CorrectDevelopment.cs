using Negotiations.Kernel;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Understandings;
using Wolverine.Http;

namespace Negotiations.Corrections;

/// <summary>
/// Replaces the details of an earlier development: the replacement is the same kind of development, about the
/// same things (every id it names stays), with its own provenance. It obeys the field rules of its kind (the
/// ones the command that logs it checks), names only what exists, and leaves the stream in a state the
/// domain allows.
/// </summary>
public sealed record CorrectDevelopment(string Reason, JsonElement Replacement)
{
    public ProblemDetails Validate() => new Problems()
        .Text("reason", Reason)
        .When(Replacement.ValueKind != JsonValueKind.Object, "replacement", "The corrected development, as a JSON object of the same kind as the original.")
        .Result();

    /// <summary>
    /// Reads the replacement as the original's event type and checks it as its command would: every field
    /// problem is named under "replacement." (400).
    /// </summary>
    /// <summary>The store's JSON dialect, to name what a field of the replacement accepts.</summary>
    private static readonly JsonSerializerOptions Dialect = CreateDialect();

    private static JsonSerializerOptions CreateDialect()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
        JsonDialect.Configure(json);
        return json;
    }

    public (object? Replacement, ProblemDetails Problems) Read(CorrectionTarget target, ISerializer serializer)
    {
        object? replacement;
        var json = JsonSerializer.SerializeToUtf8Bytes(Replacement);
        try
        {
            replacement = serializer.FromJson(target.Event.EventType, new MemoryStream(json));
        }
        catch (JsonException e)
        {
            return (null, new Problems().Within("replacement").Unreadable(e, json, target.Event.EventType, Dialect).Result());
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException)
        {
            return (null, new Problems().Add("replacement", $"Not a valid {target.Event.EventTypeName}.").Result());
        }

        var problems = new Problems();
        if (replacement is null) return (null, problems.Add("replacement", "Required.").Result());
        var within = problems.Within("replacement");
        foreach (var property in target.Event.EventType.GetProperties().Where(p => p.PropertyType == typeof(Guid)))
        {
            if (!Equals(property.GetValue(replacement), property.GetValue(target.Event.Data)))
                within.Add(JsonNamingPolicy.CamelCase.ConvertName(property.Name), "A correction keeps every id of the original.");
        }
        if (replacement is IDevelopment development) within.Check(development.Provenance);
        if (replacement is IFieldRules rules) rules.CheckKept(target.Event.Data, rules.CheckFields(within));
        return (replacement, problems.Result());
    }

    /// <summary>
    /// What the replacement names beyond the original must exist, as it must for the command that logs it: cited
    /// events, linked understandings. Unknown ones are a 422 here (the 404 of this endpoint is its unknown target).
    /// </summary>
    public static async Task<ProblemDetails> NamesWhatExistsAsync(object original, object replacement, IQuerySession session, CancellationToken cancellation)
    {
        if (replacement is ICitesEvents cites)
        {
            var added = cites.CitedEventIds.Except(original is ICitesEvents before ? before.CitedEventIds : []);
            if (await CitedEvents.CheckAsync(session, added, cancellation) is var unknown && unknown != WolverineContinue.NoProblems)
                return Refused(unknown);
        }
        if (replacement is ILinksUnderstandings links)
        {
            var added = (links.UnderstandingIds ?? []).Except(original is ILinksUnderstandings before ? before.UnderstandingIds : []);
            if (await KnownUnderstandings.CheckAsync(session, added, cancellation) is var unknown && unknown != WolverineContinue.NoProblems)
                return Refused(unknown);
        }
        return WolverineContinue.NoProblems;
    }

    private static ProblemDetails Refused(ProblemDetails unknown)
    {
        var refused = DomainProblem.Refused($"The replacement names what the store does not hold. {unknown.Detail}");
        refused.Title = unknown.Title;
        foreach (var (key, value) in unknown.Extensions) refused.Extensions[key] = value;
        return refused;
    }

    public DevelopmentCorrected Decide(CorrectionTarget target) => new(target.Event.Id, target.Event.EventTypeName, Reason.Trim());
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
    public static async Task<Results<Ok<CorrectionResult>, ProblemHttpResult>> Post(
        CorrectDevelopment command, CorrectionTarget target, IDocumentSession session, CancellationToken cancellation)
    {
        var (replacement, problems) = command.Read(target, session.DocumentStore.Options.Serializer());
        if (replacement is null || problems != WolverineContinue.NoProblems) return TypedResults.Problem(problems);
        if (await CorrectDevelopment.NamesWhatExistsAsync(target.Event.Data, replacement, session, cancellation) is var unknown
            && unknown != WolverineContinue.NoProblems)
            return TypedResults.Problem(unknown);

        var correction = command.Decide(target);
        if (target.KeepsInvariants(correction, replacement) is var broken && broken != WolverineContinue.NoProblems)
            return TypedResults.Problem(broken);

        session.Events.Append(target.Event.StreamId, target.StreamVersion + 2, correction, replacement);
        return TypedResults.Ok(new CorrectionResult(target.Event.StreamId, target.Event.Id, target.StreamVersion + 2));
    }
}
