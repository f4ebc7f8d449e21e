using System.Net.Sockets;
using Negotiations.Operations.Settings;
using Npgsql;

namespace Negotiations.Operations.Settings;

/// <summary>
/// Before anything else starts, one connection to PostgreSQL: when it fails the host stops with a message
/// naming the host and port and what to check, instead of a stack trace from whichever component tried first.
/// </summary>
public sealed class DatabaseReachability(IConfiguration configuration) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var connectionString = DatabaseLocation.ConnectionString(configuration);
        if (await ProblemAsync(connectionString, cancellationToken) is not { } problem) return;
        ExitCodes.Fail();
        throw new StartupCheckFailed(problem);
    }

    /// <summary>What is wrong with reaching the database, in words an operator can act on; null when it answers.</summary>
    public static async Task<string?> ProblemAsync(string connectionString, CancellationToken cancellation)
    {
        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            return $"The connection string is not valid ({e.Message}): check ConnectionStrings__Marten.";
        }
        var where = $"PostgreSQL at {settings.Host}:{settings.Port}";
        var check = $"check ConnectionStrings__Marten, or {DatabaseLocation.PortVariable} and {DatabaseLocation.DatabaseVariable} for the local cluster (now {Redacted(settings)})";
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellation);
            return null;
        }
        catch (PostgresException e)
        {
            return $"{where} refused the connection: {e.MessageText} ({e.SqlState}): {check}: the database, user and password.";
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            return $"{where} does not answer ({reason}): is it running and reachable from here? {Capitalised(check)}, " +
                   "or start the local cluster with eventstore-scripts/postgres start.";
        }
    }

    private static string Redacted(NpgsqlConnectionStringBuilder settings)
    {
        var copy = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        if (copy.Password is not null) copy.Password = "***";
        return copy.ConnectionString;
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
