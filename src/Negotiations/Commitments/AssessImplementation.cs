using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Commitments;

/// <summary>
/// Judges implementation on the Peace Accords Matrix scale: 0 not initiated, 1 minimal, 2 intermediate,
/// 3 full. The rationale rests on events the store holds, cited by id. A reversed commitment can be
/// assessed 0-2 (what is left of it) but not as fully implemented until it is reaffirmed.
/// </summary>
public sealed record AssessImplementation(
    int Level,
    string Rationale,
    IReadOnlyList<Guid> Evidence,
    Provenance Provenance,
    [property: JsonPropertyName("version")] long ExpectedVersion)
{
    public ProblemDetails Validate() =>
        ImplementationAssessed.Rules(new Problems(), Level, Rationale, Evidence).Positive(ExpectedVersion).Check(Provenance).Result();

    public ProblemDetails Allowed(Commitment commitment) =>
        CommitmentRules.Open(ExpectedVersion, commitment) is var open && open != WolverineContinue.NoProblems ? open
        : commitment.Standing == CommitmentStanding.Reversed && Level == (int)ImplementationLevel.Full
            ? DomainProblem.Refused(CommitmentRules.ReaffirmFirst("an assessment of full implementation"))
        : WolverineContinue.NoProblems;

    /// <summary>The same level, rationale and evidence as the standing assessment is already satisfied.</summary>
    public IEnumerable<object> Decide(Commitment commitment)
    {
        var evidence = Evidence.Distinct().ToList();
        var rationale = Rationale.Trim();
        return commitment.Assessment is { } current && current.Level == Level && current.Rationale == rationale && current.Evidence.SequenceEqual(evidence)
            ? []
            : [new ImplementationAssessed(commitment.Id, Level, rationale, evidence, Provenance)];
    }
}

public static class AssessImplementationEndpoint
{
    public static ProblemDetails Validate(AssessImplementation command) => command.Validate();

    /// <summary>Every cited event must exist: 404 naming the unknown ids.</summary>
    public static Task<ProblemDetails> ValidateAsync(AssessImplementation command, IDocumentSession session, CancellationToken cancellation) =>
        CitedEvents.CheckAsync(session, command.Evidence, cancellation);

    public static ProblemDetails Before(AssessImplementation command, Commitment commitment) => command.Allowed(commitment);

    [WolverinePost("/api/commitments/{commitmentId}/assessments", OperationId = "AssessImplementation"), Tags("Commitments")]
    [EndpointSummary("Assess a commitment's implementation on the 0-3 scale, citing the events it rests on")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (Commitment, Events) Post(AssessImplementation command, [WriteAggregate("commitmentId")] Commitment commitment) =>
        Answer.After(commitment, command.Decide(commitment));
}
