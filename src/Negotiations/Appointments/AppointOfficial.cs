using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Negotiations.Understandings;
using Wolverine.Http;

namespace Negotiations.Appointments;

/// <summary>
/// Someone was appointed to an office. The office's stream is named by office and jurisdiction
/// (OfficeIds), so appointments to the same office meet in one stream:
/// the first appointment starts it and is sent without "version"; every later one must send the
/// version last read (GET /api/offices/{officeId}), and Marten refuses it if anyone appended since.
/// A single-holder office (the default) cannot get a second holder until the first was dismissed or resigned.
/// </summary>
public sealed record AppointOfficial(
    string Person,
    string Office,
    string Jurisdiction,
    string AppointedBy,
    Provenance Provenance,
    string? Affiliation = null,
    bool SingleHolder = true,
    IReadOnlyList<Guid>? UnderstandingIds = null,
    [property: JsonPropertyName("version")] long? ExpectedVersion = null)
{
    public Guid OfficeId => OfficeIds.For(Office, Jurisdiction);

    public ProblemDetails Validate()
    {
        var problems = OfficialAppointed.Rules(new Problems(), Person, Office, Jurisdiction, AppointedBy, Affiliation, UnderstandingIds)
            .When(ExpectedVersion is < 1, "version", "Leave it out for the first appointment to an office, or give the version you last read (1 or more).");
        return problems.Check(Provenance).Result();
    }

    /// <summary>
    /// First the stream's version: none is expected for a new office, the one the client read for a known
    /// office (409 otherwise). Then the domain: a single-holder office held by someone else is refused (422).
    /// </summary>
    public ProblemDetails Allowed(Office? office)
    {
        switch (office, ExpectedVersion)
        {
            case (null, null): return WolverineContinue.NoProblems;
            case (null, { } expected): return Conflict(
                $"Expected the office at version {expected}, but nobody has been appointed to it yet. Leave version out for the first appointment.");
            case ({ } known, null): return Conflict(
                $"The office already has appointments (version {known.Version}). Read it (GET /api/offices/{known.Id}) and send its version.");
        }

        if (StreamVersion.Check(ExpectedVersion!.Value, office.Version, "the office") is var stale && stale != WolverineContinue.NoProblems)
            return stale;
        if (office.HeldBy(Person) is not null) return WolverineContinue.NoProblems;

        var blocking = office.Holders.Where(h => SingleHolder || h.SingleHolder).ToList();
        return blocking.Count == 0
            ? WolverineContinue.NoProblems
            : DomainProblem.Refused(
                $"{office.Title} ({office.Jurisdiction}) is held by {string.Join(", ", blocking.Select(h => h.Person))}; " +
                "a single-holder office has one holder at a time. Record that the holder was dismissed or resigned first.");
    }

    /// <summary>The decider: appointing the current holder again is already satisfied.</summary>
    public IEnumerable<object> Decide(Office? office) =>
        office?.HeldBy(Person) is not null
            ? []
            : [new OfficialAppointed(OfficeId, Person.Trim(), Office.Trim(), Jurisdiction.Trim(), AppointedBy.Trim(), Affiliation?.Trim(),
                SingleHolder, (UnderstandingIds ?? []).Distinct().ToList(), Provenance)];

    private static ProblemDetails Conflict(string detail) =>
        new() { Status = StatusCodes.Status409Conflict, Title = "Version conflict", Detail = detail };
}

public static class AppointOfficialEndpoint
{
    public static ProblemDetails Validate(AppointOfficial command) => command.Validate();

    public static Task<ProblemDetails> ValidateAsync(AppointOfficial command, IQuerySession session, CancellationToken cancellation) =>
        KnownUnderstandings.CheckAsync(session, command.UnderstandingIds, cancellation);

    [WolverinePost("/api/offices/appointments", OperationId = "AppointOfficial"), Tags("Appointments")]
    [EndpointSummary("Record that someone was appointed to an office (starts the office on its first appointment)")]
    [EndpointDescription(
        "The office's id is the RFC 4122 version 5 (SHA-1) UUID, in namespace 06e71b8c-c3dc-573e-977a-cd7108941395, of the UTF-8 text " +
        "\"office|jurisdiction\", each part normalised (Unicode NFC, runs of white space made one space, trimmed, lower-cased); " +
        "GET /api/offices/id?office=..&jurisdiction=.. computes it. Leave \"version\" out for the first appointment to an office " +
        "(201, the office starts); send the version last read for any later one (200). A single-holder office held by someone " +
        "else is refused (422) until its holder was dismissed or resigned.")]
    [ProducesResponseType<Office>(StatusCodes.Status201Created)]
    [ProducesResponseType<Office>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static async Task<Results<Created<Office>, Ok<Office>, ProblemHttpResult>> Post(
        AppointOfficial command, IDocumentSession session, CancellationToken cancellation)
    {
        var officeId = command.OfficeId;
        var stream = await session.Events.FetchForWriting<Office>(officeId, cancellation);
        var office = stream.Aggregate;

        if (command.Allowed(office) is var verdict && verdict != WolverineContinue.NoProblems) return TypedResults.Problem(verdict);
        var events = command.Decide(office).ToArray();
        if (events.Length == 0) return TypedResults.Ok(office!);

        // A new office starts its stream (two racing first appointments: one of them gets 409, id taken);
        // a known one appends at the version read above, which Marten checks at commit (a race is a 409 too,
        // Hosting/StreamCollisionHandler). The transactional middleware commits, with the Idempotency-Key's
        // claim in the same transaction, so the answer is the office folded here, before the commit.
        var (updated, appended) = Answer.Folded(office, events);
        if (office is null) session.Events.StartStream<Office>(officeId, appended);
        else stream.AppendMany(appended);

        return office is null ? TypedResults.Created($"/api/offices/{officeId}", updated!) : TypedResults.Ok(updated!);
    }
}
