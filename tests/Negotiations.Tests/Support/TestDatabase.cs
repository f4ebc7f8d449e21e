namespace Negotiations.Tests.Support;

/// <summary>Where the tests find PostgreSQL: ConnectionStrings__Marten, or the local cluster of eventstore-scripts/postgres.</summary>
public static class TestDatabase
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Marten")
        ?? $"Host=127.0.0.1;Port={Environment.GetEnvironmentVariable("NEGOTIATIONS_PG_PORT") ?? "5433"};Database=negotiations;Username=postgres";

    /// <summary>A schema name of its own for each host, so test classes run in parallel without seeing each other.</summary>
    public static string NewSchema(string prefix) => $"t_{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..24];
}
