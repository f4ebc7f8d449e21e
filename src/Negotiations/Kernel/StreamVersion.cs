using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Kernel;

/// <summary>
/// Commands on an existing stream carry the version the client last read (JSON "version").
/// The C# member is deliberately not called Version: Wolverine would then pass it to FetchForWriting,
/// which reports an unknown stream as a version conflict (409) instead of 404. Loading without it
/// and comparing here gives 404 for an unknown stream and 409 for a stale version, and Marten still
/// checks at commit that nobody appended since the load.
/// </summary>
public static class StreamVersion
{
    public static ProblemDetails Check(long expected, long actual, string what) =>
        expected == actual
            ? WolverineContinue.NoProblems
            : new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Version conflict",
                Detail = $"Expected {what} at version {expected}, but it is at version {actual}. Read it again and decide on the current state."
            };

    public static Problems Positive(this Problems problems, long expected) =>
        problems.When(expected < 1, "version", "The version you last read is required (1 or more).");
}
