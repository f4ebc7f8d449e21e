using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Wolverine.Http;

namespace Negotiations.Operations.Audit;

/// <summary>
/// The chain's head at a moment: the last chained event's sequence, its link (hex) and how many events the
/// chain covers up to it (the Merkle tree's size), with the tree's root (base64) and its signed note when
/// checkpoints are signed. Kept outside the database, it proves later that the log up to there is unchanged
/// and not truncated.
/// </summary>
public sealed record Checkpoint(long Sequence, string HeadHash, long Count, DateTimeOffset? CreatedAt = null, string? RootHash = null, string? Note = null);

public static class Checkpoints
{
    public static async Task<Checkpoint?> LatestAsync(EventLog log, NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand($"select seq_id, head, position, created_at, root, note from {log.Checkpoints} order by position desc limit 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        return await reader.ReadAsync(cancellation) ? Read(reader) : null;
    }

    public static async Task<List<Checkpoint>> AllAsync(EventLog log, NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand($"select seq_id, head, position, created_at, root, note from {log.Checkpoints} order by position", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var all = new List<Checkpoint>();
        while (await reader.ReadAsync(cancellation)) all.Add(Read(reader));
        return all;
    }

    private static Checkpoint Read(NpgsqlDataReader reader) =>
        new(reader.GetInt64(0), ChainHash.Hex(reader.GetFieldValue<byte[]>(1)), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3),
            reader.IsDBNull(4) ? null : Convert.ToBase64String(reader.GetFieldValue<byte[]>(4)), reader.IsDBNull(5) ? null : reader.GetString(5));

    /// <summary>The checkpoint of a tree size, or null when none was taken at that size.</summary>
    public static async Task<Checkpoint?> AtAsync(EventLog log, NpgsqlConnection connection, long treeSize, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand($"select seq_id, head, position, created_at, root, note from {log.Checkpoints} where position = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = treeSize });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        return await reader.ReadAsync(cancellation) ? Read(reader) : null;
    }

    /// <summary>The latest signed note, or null when no checkpoint was signed.</summary>
    public static async Task<string?> LatestNoteAsync(EventLog log, NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand($"select note from {log.Checkpoints} where note is not null order by position desc limit 1", connection);
        return await command.ExecuteScalarAsync(cancellation) as string;
    }
}

public static class GetLatestCheckpointEndpoint
{
    /// <summary>The latest stored checkpoint; keep it outside the database and give it back to verify later.</summary>
    [WolverineGet("/api/audit/checkpoints/latest", OperationId = "GetLatestCheckpoint"), Tags("Audit")]
    [EndpointSummary("Read the latest checkpoint of the event log's hash chain, to keep outside the database")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<Checkpoint>, ProblemHttpResult>> Get(EventLog log, CancellationToken cancellation)
    {
        await using var connection = await log.OpenAsync(cancellation);
        var latest = await Checkpoints.LatestAsync(log, connection, cancellation);
        return latest is null
            ? TypedResults.Problem(statusCode: 404, title: "No checkpoint yet", detail: "The chain has no checkpoint yet: no event has been chained.")
            : TypedResults.Ok(latest);
    }
}
