using Negotiations.Operations.Releases;

namespace Negotiations.Dashboard;

/// <summary>The release a page is asked to show (release=NAME), looked up and added to the time choice.</summary>
public static class ReleaseChoice
{
    public static async Task<(TimeChoice Choice, IReadOnlyList<string> Problems)> ApplyAsync(TimeChoice time, IReadOnlyList<string> problems, string? release,
        ReleaseRegister register, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(release)) return (time, problems);
        if (time.KnownAt is not null)
            return (time, [.. problems, "A release and a moment both say how much of the record to count: choose one of them."]);
        return await register.FindAsync(release.Trim(), cancellation) is { } found
            ? (time with { Release = new ShownRelease(found.Name, found.Sequence, found.TreeSize, found.Day) }, problems)
            : (time, [.. problems, $"No release is called \"{release}\"."]);
    }
}
