using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Negotiations.Benchmarks;

/// <summary>
/// The spatial reads (issue 20): incidents inside a zone, near it and in a box, over HTTP, next to the same question
/// asked of PostGIS directly with Npgsql in the same run. The incidents are imported (their places are kept inline),
/// spread over a 10 by 10 degree square; the zone covers about one hundredth of it.
/// </summary>
public static class SpatialReads
{
    private const double West = 30, South = 20;

    /// <summary>The incidents as import lines: a kind, a point and a day each, spread evenly.</summary>
    public static IEnumerable<string> Incidents(int count)
    {
        string[] kinds = ["air-strike", "shelling", "clash", "raid", "arrest"];
        for (var i = 0; i < count; i++)
        {
            // A low-discrepancy spread: every part of the square gets its share.
            var lon = West + 10 * Fraction(i * 0.6180339887498949);
            var lat = South + 10 * Fraction(i * 0.7548776662466927);
            var day = new DateOnly(2024, 1, 1).AddDays(i % 730);
            yield return string.Create(CultureInfo.InvariantCulture,
                $$$"""{"command":"ReportIncident","incidentId":"{{{Guid.CreateVersion7()}}}","kind":"{{{kinds[i % kinds.Length]}}}","summary":"Incident {{{i}}}","place":{"geometry":{"type":"Point","coordinates":[{{{lon:0.00000}}},{{{lat:0.00000}}}]},"precision":"near"},"provenance":{"sources":[{"name":"Monitors","kind":"ngo","reliability":"B","credibility":2}],"occurred":"{{{day:yyyy-MM-dd}}}"}}""");
        }

        static double Fraction(double x) => x - Math.Floor(x);
    }

    /// <summary>A zone of one by one degree in the middle of the square, drawn: its definition and its drawing.</summary>
    public static (Guid Zone, string[] Lines) Zone()
    {
        var zone = Guid.CreateVersion7();
        const string p = """{"sources":[{"name":"Monitors","kind":"ngo"}],"occurred":"2024-01-01"}""";
        return (zone,
        [
            $$"""{"command":"DefineZone","zoneId":"{{zone}}","name":"Benchmark zone","kind":"demilitarised-zone","reference":"the square's centre","rules":[{"weaponClass":"heavy weapons","minimumDepthKm":10}],"provenance":{{p}}}""",
            $$"""{"command":"MapZone","zoneId":"{{zone}}","area":{"geometry":{"type":"Polygon","coordinates":[[[{{West + 4.5}},{{South + 4.5}}],[{{West + 5.5}},{{South + 4.5}}],[{{West + 5.5}},{{South + 5.5}}],[{{West + 4.5}},{{South + 5.5}}],[{{West + 4.5}},{{South + 4.5}}]]]},"precision":"district"},"version":1,"provenance":{{p}}}"""
        ]);
    }

    /// <summary>The box of the zone's area, for the bbox read and its baseline.</summary>
    public const string ZoneBox = "34.5,24.5,35.5,25.5";

    /// <summary>The baseline: the inside-the-zone question as one SQL statement on the same table, features built by PostGIS.</summary>
    public static async Task<(Latencies Latencies, int Rows)> RawInsideAsync(string connectionString, string schema, int requests)
    {
        var sql = $"""
            select json_build_object('type', 'Feature', 'id', p.incident_id, 'geometry', ST_AsGeoJSON(p.geom)::json,
                'properties', json_build_object('kind', p.kind, 'precision', p.precision, 'recorded', p.recorded))::text
            from "{schema}".places_incidents p
            where p.retracted is null and ST_Intersects(p.geom, ST_MakeEnvelope(34.5, 24.5, 35.5, 25.5, 4326))
            order by p.occurred_from, p.incident_id limit 5001
            """;
        await using var source = NpgsqlDataSource.Create(connectionString);
        var latencies = new Latencies();
        var rows = 0;
        for (var i = 0; i < requests + 5; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await using var command = source.CreateCommand(sql);
            await using var reader = await command.ExecuteReaderAsync();
            var body = new StringBuilder();
            rows = 0;
            while (await reader.ReadAsync()) { body.Append(reader.GetString(0)); rows++; }
            if (i >= 5) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds); // the first few warm the connection and the plan
        }
        return (latencies, rows);
    }

    public static async Task<Latencies> HttpAsync(HttpClient http, string path, int requests)
    {
        var latencies = new Latencies();
        for (var i = 0; i < requests + 5; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await new HttpReadClient(http, path).StepAsync(CancellationToken.None);
            if (i >= 5) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return latencies;
    }
}
