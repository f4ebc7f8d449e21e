using System.Text;
using System.Text.Json;
using CsCheck;
using Negotiations.Kernel;

namespace Negotiations.Tests.Hostile;

/// <summary>Generators of what a hostile or broken client sends: text, JSON (well formed or not), query strings and headers.</summary>
public static class HostileInput
{
    /// <summary>Names the commands and queries use, so that generated bodies reach validation and not only the parser.</summary>
    private static readonly string[] Names =
    [
        "title", "kind", "parties", "name", "role", "stage", "status", "reason", "version", "provenance", "sources", "occurred",
        "from", "to", "precision", "reliability", "credibility", "published", "understandingIds", "zoneId", "roundId", "rules",
        "weaponClass", "depthKm", "party", "low", "best", "high", "level", "rationale", "citedEventIds", "replacement", "command",
        "idempotencyKey", "members", "deadline", "person", "office", "jurisdiction", "summary", "speaker", "venue", "plannedFor",
    ];

    private static readonly string[] Nasty =
    [
        "", " ", "\u0000", "nul\u0000inside", "'; drop table mt_events; --", "\" or 1=1 --", "$1", "?", "%s%n", "../../etc/passwd",
        "<script>alert(1)</script>", "𝕳𝖊𝖑𝖑𝖔 🕊️", "سلام", "שלום", "\u202eevil", "a\u0301\u0301\u0301", "\u200b", "\ud800", "\udfff\ud800",
        "null", "true", "-0", "1e999", "NaN", "9223372036854775808", "-9223372036854775809", "0x10", "2025-02-30", "2025-13-01",
        "00000000-0000-0000-0000-000000000000", "ceasefire", "under-negotiation", "Ceasefire", "1",
    ];

    public static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.OneOf(Nasty)),
        (3, Gen.String),
        (1, Gen.Char.Array[0, 40].Select(c => new string(c))),
        (1, Gen.Int[1, 300_000].Select(n => new string('x', n))));

    private static readonly Gen<string> Leaf = Gen.Frequency(
        (3, Text.Select(t => JsonSerializer.Serialize(t))),
        (2, Gen.OneOf("0", "-1", "1", "3", "4", "1e308", "-1e308", "1.5", "9223372036854775807", "123456789012345678901234567890", "true", "false", "null")),
        (1, Gen.Guid.Select(g => $"\"{g}\"")));

    private static readonly Gen<string> Name = Gen.Frequency((4, Gen.OneOf(Names)), (1, Text));

    /// <summary>Well-formed JSON of any shape, with the product's property names more often than not.</summary>
    public static readonly Gen<string> Json = Gen.Recursive<string>((depth, self) => depth >= 4
        ? Leaf
        : Gen.Frequency(
            (2, Leaf),
            (1, self.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (3, Gen.Select(Name, self).Array[0, 6].Select(members =>
                "{" + string.Join(",", members.Select(m => JsonSerializer.Serialize(m.Item1) + ":" + m.Item2)) + "}"))));

    /// <summary>What reaches the parser: JSON, broken JSON, deep nesting, bytes that are no text at all.</summary>
    public static readonly Gen<byte[]> Body = Gen.Frequency(
        (6, Json.Select(Encoding.UTF8.GetBytes)),
        (2, Json.Select(j => Encoding.UTF8.GetBytes(j.Length > 1 ? j[..(j.Length / 2)] : "{"))),
        (1, Gen.Int[65, 20_000].Select(n => Encoding.UTF8.GetBytes(new string('[', n) + new string(']', n)))),
        (1, Gen.Int[65, 5_000].Select(n => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", n)) + "1" + new string('}', n)))),
        (1, Gen.Byte.Array[0, 200]),
        (1, Gen.Const(Array.Empty<byte>())));

    /// <summary>A value for a route parameter: an id that exists nowhere, or something that is no id (a NUL never reaches a server: clients refuse it).</summary>
    public static readonly Gen<string> RouteValue = Gen.Frequency(
        (4, Gen.Guid.Select(g => g.ToString())),
        (1, Text.Where(t => t.Length is > 0 and < 200 && !t.Contains('\0') && Problems.IsUnicodeText(t)).Select(Uri.EscapeDataString)));

    /// <summary>A JSON string literal holding exactly these UTF-16 code units, unpaired surrogates included.</summary>
    public static string Escaped(string text) =>
        "\"" + string.Concat(text.Select(c => c is < ' ' or '"' or '\\' || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";

    private static readonly string[] QueryNames =
        ["asOf", "knownAt", "page", "pageSize", "version", "understandingId", "party", "concept", "source", "from", "to", "after", "format", "stream", "sequence", "date"];

    /// <summary>Text that can be put in a URL at all (percent-encoding needs whole code points).</summary>
    private static readonly Gen<string> UrlText = Text.Where(t => Problems.IsUnicodeText(t.Replace("\0", "")));

    public static readonly Gen<string> Query = Gen.Select(Gen.Frequency((4, Gen.OneOf(QueryNames)), (1, UrlText)), UrlText)
        .Array[0, 4]
        .Select(pairs => pairs.Length == 0 ? "" : "?" + string.Join("&", pairs.Select(p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}")));

    public static readonly Gen<string> ContentType = Gen.OneOf(
        "application/json", "application/json; charset=utf-8", "application/x-ndjson", "text/plain", "application/xml", "multipart/form-data", "", "application/json; charset=utf-16", "garbage/");

    public static readonly Gen<Dictionary<string, string>> Headers = Gen.Select(
        Gen.Frequency((3, Gen.Const((string?)null)), (1, Text.Where(t => t.Length < 500).Select(t => (string?)t))),
        Gen.Frequency((3, Gen.Const((string?)null)), (1, Text.Where(t => t.Length < 100).Select(t => (string?)t))))
        .Select(h =>
        {
            var headers = new Dictionary<string, string>();
            if (h.Item1 is { } key) headers["Idempotency-Key"] = key;
            if (h.Item2 is { } last) headers["Last-Event-ID"] = last;
            return headers;
        });
}
