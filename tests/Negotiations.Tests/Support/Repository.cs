namespace Negotiations.Tests.Support;

/// <summary>The checkout the tests run from: the folder that holds Negotiations.sln, above the test binaries.</summary>
public static class Repository
{
    public static readonly string Root = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Negotiations.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Negotiations.sln not found above the test binaries.");
    }
}
