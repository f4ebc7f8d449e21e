using Npgsql;

namespace Negotiations.Operations.Settings;

/// <summary>
/// Where the application, its commands and its tests find PostgreSQL: ConnectionStrings__Marten when it is set,
/// otherwise the local cluster of eventstore-scripts/postgres, on the port and database that script uses
/// (NEGOTIATIONS_PG_PORT, default 5433; NEGOTIATIONS_PG_DB, default negotiations).
/// </summary>
public static class DatabaseLocation
{
    public const string ConnectionStringName = "Marten";
    public const string PortVariable = "NEGOTIATIONS_PG_PORT";
    public const string DatabaseVariable = "NEGOTIATIONS_PG_DB";

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured
            ? configured
            : LocalCluster(configuration[PortVariable], configuration[DatabaseVariable]);

    /// <summary>The same answer from the environment alone, for code that has no configuration (test harnesses).</summary>
    public static string FromEnvironment() =>
        ConnectionString(new ConfigurationBuilder().AddEnvironmentVariables().Build());

    public static string LocalCluster(string? port, string? database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = int.TryParse(port, out var p) ? p : 5433,
        Database = database is { Length: > 0 } ? database : "negotiations",
        Username = "postgres"
    }.ConnectionString;

    /// <summary>Host, port, database and user of a connection string, without its password: safe to print.</summary>
    public static string Describe(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {settings.Host}:{settings.Port}, database {settings.Database}, user {settings.Username}";
    }
}
