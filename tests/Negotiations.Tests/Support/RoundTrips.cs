using Marten;
using Marten.Services;
using Npgsql;

namespace Negotiations.Tests.Support;

/// <summary>Counts what a session sends to PostgreSQL: one round trip per command or batch.</summary>
public sealed class RoundTrips : IMartenSessionLogger
{
    public int Count { get; private set; }

    public void OnBeforeExecute(NpgsqlCommand command) => Count++;
    public void OnBeforeExecute(NpgsqlBatch batch) => Count++;
    public void LogSuccess(NpgsqlCommand command) { }
    public void LogFailure(NpgsqlCommand command, Exception ex) { }
    public void LogSuccess(NpgsqlBatch batch) { }
    public void LogFailure(NpgsqlBatch batch, Exception ex) { }
    public void LogFailure(Exception ex, string message) { }
    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }
}
