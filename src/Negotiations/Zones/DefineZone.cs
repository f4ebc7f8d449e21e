using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Negotiations.Understandings;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Zones;

/// <summary>
/// Defines a zone: what it is measured from and its rules per weapon class. A client may choose its id
/// (bulk imports refer to it in later lines). Linked understandings must exist.
/// </summary>
public sealed record DefineZone(
    string Name,
    ZoneKind Kind,
    string Reference,
    IReadOnlyList<Guid>? UnderstandingIds,
    IReadOnlyList<WeaponRule> Rules,
    Provenance Provenance,
    Guid? ZoneId = null)
{
    public const int MaxUnderstandings = 20;

    public ProblemDetails Validate()
    {
        var problems = new Problems()
            .Text("name", Name)
            .Defined("kind", Kind)
            .Text("reference", Reference)
            .When(ZoneId == Guid.Empty, "zoneId", "Leave it out, or give a non-empty id.")
            .Ids("understandingIds", UnderstandingIds, "understanding", MaxUnderstandings)
            .RuleSet(Rules);
        return problems.Check(Provenance).Result();
    }

    /// <summary>The decider: a definition always starts a new stream.</summary>
    public ZoneDefined Decide(Guid id) =>
        new(id, Name.Trim(), Kind, Reference.Trim(), (UnderstandingIds ?? []).Distinct().ToList(), Rules.Trimmed(), Provenance);
}

public static class DefineZoneEndpoint
{
    public static ProblemDetails Validate(DefineZone command) => command.Validate();

    [ChecksNamedUnderstandings(nameof(DefineZone.UnderstandingIds))]
    public static Task<ProblemDetails> LoadAsync(DefineZone command, IQuerySession session, CancellationToken cancellation) =>
        KnownUnderstandings.CheckAsync(session, command.UnderstandingIds, cancellation);

    [WolverinePost("/api/zones", OperationId = "DefineZone"), Tags("Zones")]
    [EndpointSummary("Define a demilitarised zone, area of separation, limitation band or withdrawal line")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static (CreationResponse<Guid>, IStartStream) Post(DefineZone command)
    {
        var id = command.ZoneId ?? Guid.CreateVersion7();
        return (new CreationResponse<Guid>($"/api/zones/{id}", id), MartenOps.StartStream<Zone>(id, command.Decide(id)));
    }
}
