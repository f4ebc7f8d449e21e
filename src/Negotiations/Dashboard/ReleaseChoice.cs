using Negotiations.Operations.Releases;

namespace Negotiations.Dashboard;

/// <summary>A page's time choice from its query, with the release it names (release=NAME), and the releases to choose from.</summary>
public static class ReleaseChoice
{
    /// <summary>One read of the register gives both the list the form offers and the release asked for.</summary>
    public static async Task<(TimeChoice Time, IReadOnlyList<string> Problems, IReadOnlyList<ReleaseSummary> Releases)> ReadAsync(
        string? asOf, string? knownAt, string? release, ReleaseRegister register, CancellationToken cancellation)
    {
        var (time, problems) = TimeChoice.Parse(asOf, knownAt);
        var releases = await register.ListAsync(cancellation);
        if (string.IsNullOrWhiteSpace(release)) return (time, problems, releases);
        if (time.KnownAt is not null)
            return (time, [.. problems, "A release and a moment both say how much of the record to count: choose one of them."], releases);
        return releases.FirstOrDefault(r => r.Name == release.Trim()) is { } found
            ? (time with { Release = found }, problems, releases)
            : (time, [.. problems, $"No release is called \"{release}\"."], releases);
    }
}
