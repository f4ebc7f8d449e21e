using Microsoft.AspNetCore.Mvc;
using Negotiations.Kernel;
using Wolverine.Http;

namespace Negotiations.Commitments;

/// <summary>What every command on an existing commitment requires first: the version the client read, and a commitment that was not retracted.</summary>
public static class CommitmentRules
{
    public const int MaxBackers = 20;
    public const int MaxLongText = 4000;

    public static ProblemDetails Open(long expectedVersion, Commitment commitment)
    {
        var stale = StreamVersion.Check(expectedVersion, commitment.Version, "the commitment");
        if (stale != WolverineContinue.NoProblems) return stale;
        return commitment.Retracted
            ? DomainProblem.Refused($"Commitment {commitment.Id} was retracted; nothing more can be logged against it.")
            : WolverineContinue.NoProblems;
    }

    /// <summary>A reversed commitment must be reaffirmed before anything can count as implementing it.</summary>
    public static string ReaffirmFirst(string what) =>
        $"The commitment was reversed; {what} cannot be logged until the commitment is reaffirmed (log its reaffirmation first).";
}
