using System.Text.Json;
using Negotiations.Operations.Audit;
using Npgsql;

namespace Negotiations.Operations.Releases;

/// <summary>The frozen releases (audit_releases): written once each, never changed (the append-only triggers refuse it).</summary>
public sealed class ReleaseRegister(EventLog log)
{
    /// <summary>As the audit writes JSON, but with its text unescaped ("+", "—"): the manifest is read by people too.</summary>
    internal static readonly JsonSerializerOptions Json = new(AuditJson.Json) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The manifest's text: the release as indented JSON, one final line break.</summary>
    public static string Manifest(Release release) => JsonSerializer.Serialize(release, Json) + "\n";

    public async Task<Release?> FindAsync(string name, CancellationToken cancellation)
    {
        await log.EnsureReleasesAsync(cancellation);
        await using var connection = await log.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand($"select manifest from {log.Releases} where name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return await command.ExecuteScalarAsync(cancellation) is string manifest ? JsonSerializer.Deserialize<Release>(manifest, Json) : null;
    }

    /// <summary>Every release, oldest tree first.</summary>
    public async Task<IReadOnlyList<ReleaseSummary>> ListAsync(CancellationToken cancellation)
    {
        await log.EnsureReleasesAsync(cancellation);
        await using var connection = await log.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand($"select manifest from {log.Releases} order by tree_size, frozen_at, name", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var all = new List<ReleaseSummary>();
        while (await reader.ReadAsync(cancellation))
        {
            var r = JsonSerializer.Deserialize<Release>(reader.GetString(0), Json)!;
            all.Add(new ReleaseSummary(r.Name, r.TreeSize, r.Sequence, r.RootHash, r.Codebook, r.Frozen, r.FrozenBy));
        }
        return all;
    }

    /// <summary>False when a release of that name is there already.</summary>
    public async Task<bool> TryAddAsync(Release release, CancellationToken cancellation)
    {
        await log.EnsureReleasesAsync(cancellation);
        await using var connection = await log.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"insert into {log.Releases} (name, tree_size, seq_id, frozen_at, manifest) values ($1, $2, $3, $4, $5) on conflict (name) do nothing", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = release.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = release.TreeSize });
        command.Parameters.Add(new NpgsqlParameter { Value = release.Sequence });
        command.Parameters.Add(new NpgsqlParameter { Value = release.Frozen.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = Manifest(release) });
        return await command.ExecuteNonQueryAsync(cancellation) == 1;
    }
}
