using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Appointments;

/// <summary>What dismissals and resignations have in common: who leaves, and the rules for leaving.</summary>
public static class Departures
{
    /// <summary>A departure is about the tenure it closes: a correction changes its details, not who left.</summary>
    public const string KeepsWhoLeft = "A correction of a departure keeps who left; if someone else left, retract this one and log theirs.";

    /// <summary>
    /// The version the client read (409), then: the person holds the office now (and leaves no earlier than
    /// appointed), or already left the same way (satisfied, nothing appended); otherwise 422 with the reason.
    /// </summary>
    public static ProblemDetails Allowed(Office office, long expectedVersion, string person, DepartureKind kind, Occurrence when)
    {
        if (StreamVersion.Check(expectedVersion, office.Version, "the office") is var stale && stale != WolverineContinue.NoProblems)
            return stale;
        if (office.HeldBy(person) is { } holder)
            return when.Latest < holder.From.From
                ? DomainProblem.Refused($"{holder.Person} was appointed on {holder.From.From:yyyy-MM-dd}; a departure cannot be dated before that.")
                : WolverineContinue.NoProblems;
        // Among the latest departures the office keeps (Office.Recent): one further back is not known as satisfied.
        return office.LastDepartureOf(person) switch
        {
            { Kind: var left } when left == kind => WolverineContinue.NoProblems,
            { } left => DomainProblem.Refused(
                $"{person.Trim()} already left {office.Title} ({office.Jurisdiction}): {left.Kind.Word()} on {left.On.From:yyyy-MM-dd}."),
            _ => DomainProblem.Refused(
                $"{person.Trim()} does not hold {office.Title} ({office.Jurisdiction}); current holder: " +
                $"{string.Join(", ", office.Holders.Select(h => h.Person)).OrNone()}.")
        };
    }
}
