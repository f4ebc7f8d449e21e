using JasperFx.Events;
using Marten;
using Marten.Services;
using Npgsql;

namespace Negotiations.Operations.Hosting;

/// <summary>
/// Marten's command log, with one difference from its default: a commit refused because another writer was first (a
/// stale expected version, an id already taken) is the client's 409, not a failure of the service, so it is logged at
/// Debug. Every other failed command is an error with its SQL, as Marten logs it.
/// </summary>
public sealed class StoreLog(ILogger<IDocumentStore> logger) : IMartenLogger, IMartenSessionLogger
{
    private const string Failure = "Marten encountered an exception executing {Sql}";

    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => logger.LogInformation("Executed schema update SQL:\n{Sql}", sql);

    public void LogSuccess(NpgsqlCommand command) { }

    public void LogSuccess(NpgsqlBatch batch) { }

    public void LogFailure(NpgsqlCommand command, Exception ex) => logger.Log(Level(ex), ex, Failure, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) =>
        logger.Log(Level(ex), ex, Failure, string.Join(";\n", batch.BatchCommands.Select((NpgsqlBatchCommand c) => c.CommandText)));

    public void LogFailure(Exception ex, string message) => logger.Log(Level(ex), ex, "{Message}", message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }

    public void OnBeforeExecute(NpgsqlCommand command) { }

    public void OnBeforeExecute(NpgsqlBatch batch) { }

    /// <summary>
    /// A conflict between writers, as Marten reports it (a stale stream version, a stream or document id already taken,
    /// a version check of a document) or as PostgreSQL raised it before Marten translated it.
    /// </summary>
    public static bool IsWriteConflict(Exception ex) => ex switch
    {
        EventStreamUnexpectedMaxEventIdException or JasperFx.Events.ExistingStreamIdCollisionException
            or Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.ConcurrencyException
            or JasperFx.DocumentAlreadyExistsException => true,
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure
            || postgres.MessageText.StartsWith("MT003", StringComparison.Ordinal),
        _ => ex.InnerException is { } inner && IsWriteConflict(inner)
    };

    private static LogLevel Level(Exception ex) => IsWriteConflict(ex) ? LogLevel.Debug : LogLevel.Error;
}
