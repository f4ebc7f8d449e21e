using System.Text.Json;
using Marten;
using Negotiations.Kernel;

namespace Negotiations.ReadModels.Places;

/// <summary>What the places' reads share: GeoJSON's media type (RFC 7946), how many features a list answers, and reading the features PostGIS writes.</summary>
public static class GeoJson
{
    public const string MediaType = "application/geo+json";
    public const int MaxFeatures = 5000;

    /// <summary>The clause that caps a list: one feature more than it answers, to tell that more matched.</summary>
    public static string Limit => $"limit {MaxFeatures + 1}";

    /// <summary>The features a query writes, a JSON object per row, read as text (a record with an Id would be taken for a document).</summary>
    public static async Task<List<T>> ReadAsync<T>(IQuerySession session, string sql, IEnumerable<object> parameters, CancellationToken cancellation) =>
        (await session.QueryAsync<string>(sql, cancellation, [.. parameters])).Select(f => JsonSerializer.Deserialize<T>(f, JsonDialect.Web)!).ToList();

    /// <summary>The features of a query that ends with <see cref="Limit"/>: at most <see cref="MaxFeatures"/>, and whether more matched.</summary>
    public static async Task<(List<T> Features, bool Truncated)> ReadCappedAsync<T>(IQuerySession session, string sql, IEnumerable<object> parameters, CancellationToken cancellation)
    {
        var features = await ReadAsync<T>(session, sql, parameters, cancellation);
        var truncated = features.Count > MaxFeatures;
        if (truncated) features.RemoveAt(features.Count - 1);
        return (features, truncated);
    }
}
