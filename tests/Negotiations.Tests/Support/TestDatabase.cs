namespace Negotiations.Tests.Support;

/// <summary>Where the tests find PostgreSQL: where the application does (ConnectionStrings__Marten, or the local cluster of eventstore-scripts/postgres).</summary>
public static class TestDatabase
{
    public static string ConnectionString { get; } = Negotiations.Operations.Settings.DatabaseLocation.FromEnvironment();

    /// <summary>A schema name of its own for each host, so test classes run in parallel without seeing each other.</summary>
    public static string NewSchema(string prefix) => $"t_{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..24];
}
