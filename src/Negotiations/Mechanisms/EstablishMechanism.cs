using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Negotiations.Understandings;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Mechanisms;

/// <summary>
/// Records that an oversight or verification body was set up. It oversees one or more understandings;
/// EstablishedUnder optionally names the understanding that created it. Every named understanding must exist.
/// </summary>
public sealed record EstablishMechanism(
    string Name,
    IReadOnlyList<MechanismMember> Members,
    string Mandate,
    IReadOnlyList<Guid> OverseenUnderstandingIds,
    Provenance Provenance,
    Guid? EstablishedUnder = null,
    Guid? MechanismId = null)
{
    public const int MaxMandate = 4000;

    public ProblemDetails Validate()
    {
        var problems = new Problems()
            .Text("name", Name)
            .Text("mandate", Mandate, max: MaxMandate)
            .When(MechanismId == Guid.Empty, "mechanismId", "Leave it out, or give a non-empty id.")
            .When(EstablishedUnder == Guid.Empty, "establishedUnder", "Leave it out, or give a non-empty understanding id.");
        if (Members is null || Members.Count == 0) problems.Add("members", "At least one member is required.");
        else if (Members.Count > MechanismRules.MaxMembers) problems.Add("members", $"At most {MechanismRules.MaxMembers} members.");
        else
        {
            for (var i = 0; i < Members.Count; i++) problems.Member($"members[{i}]", Members[i]);
            if (Members.Where(m => m is not null).GroupBy(m => m.Name?.Trim(), StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
                problems.Add("members", "Each member is named once.");
        }
        if (OverseenUnderstandingIds is null || OverseenUnderstandingIds.Count == 0)
            problems.Add("overseenUnderstandingIds", "A mechanism oversees at least one understanding.");
        else problems.Ids("overseenUnderstandingIds", OverseenUnderstandingIds, "understanding");
        return problems.Check(Provenance).Result();
    }

    public IEnumerable<Guid> LinkedUnderstandings => [.. OverseenUnderstandingIds ?? [], .. EstablishedUnder is { } under ? [under] : Array.Empty<Guid>()];

    /// <summary>The decider: establishing always starts a new stream.</summary>
    public MechanismEstablished Decide(Guid id) => new(
        id, Name.Trim(),
        Members.Select(m => m with { Name = m.Name.Trim() }).ToList(),
        Mandate.Trim(),
        OverseenUnderstandingIds.Distinct().ToList(),
        EstablishedUnder,
        Provenance);
}

public static class EstablishMechanismEndpoint
{
    public static ProblemDetails Validate(EstablishMechanism command) => command.Validate();

    [ChecksNamedUnderstandings(nameof(EstablishMechanism.LinkedUnderstandings))]
    public static Task<ProblemDetails> ValidateAsync(EstablishMechanism command, IQuerySession session, CancellationToken cancellation) =>
        KnownUnderstandings.CheckAsync(session, command.LinkedUnderstandings, cancellation);

    [WolverinePost("/api/mechanisms", OperationId = "EstablishMechanism"), Tags("Mechanisms")]
    [EndpointSummary("Establish an oversight or verification mechanism")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static (CreationResponse<Guid>, IStartStream) Post(EstablishMechanism command)
    {
        var id = command.MechanismId ?? Guid.CreateVersion7();
        return (new CreationResponse<Guid>($"/api/mechanisms/{id}", id),
            MartenOps.StartStream<Mechanism>(id, command.Decide(id)));
    }
}
