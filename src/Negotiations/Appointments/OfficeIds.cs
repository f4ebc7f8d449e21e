using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Negotiations.Appointments;

/// <summary>
/// An office's stream id is computed from what the office is, so that every appointment to the same office
/// meets in the same stream and Marten's optimistic concurrency keeps two holders from being appointed at once.
///
/// Clients compute it the same way (or ask GET /api/offices/id?office=..&amp;jurisdiction=..):
/// 1. normalise each of office and jurisdiction: Unicode NFC, every run of white space becomes one space,
///    trimmed, lower-cased (invariant culture);
/// 2. join them as "office|jurisdiction" (neither may contain '|');
/// 3. take the RFC 4122 version 5 (SHA-1) name-based UUID of those UTF-8 bytes in the namespace
///    06e71b8c-c3dc-573e-977a-cd7108941395 (itself uuid5(NAMESPACE_URL, "urn:negotiations:offices")).
/// Example: Python <c>uuid.uuid5(uuid.UUID("06e71b8c-c3dc-573e-977a-cd7108941395"), "internal security chief|sweida province")</c>.
/// </summary>
public static partial class OfficeIds
{
    public static readonly Guid Namespace = Guid.Parse("06e71b8c-c3dc-573e-977a-cd7108941395");

    public const char Separator = '|';

    public static string Normalise(string text) =>
        Spaces().Replace(text.Normalize(NormalizationForm.FormC), " ").Trim().ToLowerInvariant();

    /// <summary>The name the id is computed from.</summary>
    public static string Name(string office, string jurisdiction) => $"{Normalise(office)}{Separator}{Normalise(jurisdiction)}";

    public static Guid For(string office, string jurisdiction) => NameBased(Namespace, Name(office, jurisdiction));

    /// <summary>RFC 4122 section 4.3, version 5: SHA-1 of the namespace (network byte order) followed by the name.</summary>
    public static Guid NameBased(Guid ns, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        ns.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);
        var hash = SHA1.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
