using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Negotiations.Operations.Audit;

/// <summary>A checkpoint's body as C2SP tlog-checkpoint writes it: the log's origin, its tree size and its root hash.</summary>
public sealed record CheckpointBody(string Origin, long TreeSize, byte[] RootHash)
{
    /// <summary>origin, tree size in decimal and the root hash in base64, each on its own line.</summary>
    public string Text => $"{Origin}\n{TreeSize}\n{Convert.ToBase64String(RootHash)}\n";

    public static CheckpointBody? Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 4 || lines[^1] != "" || lines[0].Length == 0) return null;
        if (!long.TryParse(lines[1], System.Globalization.NumberStyles.None, null, out var size) || lines[1] != size.ToString()) return null;
        try
        {
            var root = Convert.FromBase64String(lines[2]);
            return root.Length == MerkleTree.HashSize ? new CheckpointBody(lines[0], size, root) : null;
        }
        catch (FormatException) { return null; }
    }
}

/// <summary>
/// C2SP signed notes with Ed25519: a text, a blank line, and one line per signature,
/// <c>— name base64(key id || signature)</c>, the key id being the first 4 bytes of
/// SHA-256(name || 0x0A || 0x01 || public key). A verifier key is written <c>name+hex(key id)+base64(0x01 || public key)</c>.
/// </summary>
public static class SignedNote
{
    private const byte Ed25519Type = 0x01;
    private const string SignaturePrefix = "\u2014 ";
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    public static bool IsKeyName(string? name) =>
        !string.IsNullOrEmpty(name) && !name.Contains('+') && !name.Any(char.IsWhiteSpace);

    public static string VerifierKey(string name, ReadOnlySpan<byte> publicKey) =>
        $"{name}+{Convert.ToHexStringLower(KeyId(name, publicKey))}+{Convert.ToBase64String([Ed25519Type, .. publicKey])}";

    public static string Sign(string text, string name, Key key)
    {
        if (!text.EndsWith('\n')) throw new ArgumentException("A note's text ends with a newline.", nameof(text));
        var publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        var signature = Ed25519.Sign(key, Encoding.UTF8.GetBytes(text));
        return $"{text}\n{SignaturePrefix}{name} {Convert.ToBase64String([.. KeyId(name, publicKey), .. signature])}\n";
    }

    /// <summary>The note's text when a signature by the verifier key's holder checks out; null with the reason otherwise.</summary>
    public static string? Verify(string note, string verifierKey, out string? why)
    {
        why = null;
        if (!TryParseVerifierKey(verifierKey, out var name, out var id, out var publicKey)) { why = "The verifier key is not name+keyid+base64(0x01 || Ed25519 public key)."; return null; }
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !note.EndsWith('\n')) { why = "Not a signed note: no blank line before the signatures, or no final newline."; return null; }
        var text = note[..(split + 1)];
        foreach (var line in note[(split + 2)..^1].Split('\n'))
        {
            if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal)) { why = $"Not a signature line: '{line}'."; return null; }
            var parts = line[SignaturePrefix.Length..].Split(' ');
            if (parts.Length != 2 || parts[0] != name) continue;
            byte[] signature;
            try { signature = Convert.FromBase64String(parts[1]); }
            catch (FormatException) { continue; }
            if (signature.Length != 4 + 64 || !signature.AsSpan(0, 4).SequenceEqual(id)) continue;
            if (Ed25519.Verify(publicKey!, Encoding.UTF8.GetBytes(text), signature.AsSpan(4))) return text;
            why = $"The signature by {name} does not match the note's text.";
            return null;
        }
        why = $"The note carries no signature by {name}.";
        return null;
    }

    private static bool TryParseVerifierKey(string verifierKey, out string name, out byte[] id, out PublicKey? publicKey)
    {
        (name, id, publicKey) = ("", [], null);
        var parts = verifierKey.Trim().Split('+', 3);
        if (parts.Length != 3 || !IsKeyName(parts[0]) || parts[1].Length != 8) return false;
        try
        {
            var key = Convert.FromBase64String(parts[2]);
            if (key.Length != 33 || key[0] != Ed25519Type) return false;
            if (!PublicKey.TryImport(Ed25519, key.AsSpan(1), KeyBlobFormat.RawPublicKey, out publicKey)) return false;
            id = Convert.FromHexString(parts[1]);
            name = parts[0];
            return id.AsSpan().SequenceEqual(KeyId(name, key.AsSpan(1)));
        }
        catch (FormatException) { return false; }
    }

    private static byte[] KeyId(string name, ReadOnlySpan<byte> publicKey)
    {
        byte[] hashed = [.. Encoding.UTF8.GetBytes(name), 0x0A, Ed25519Type, .. publicKey];
        return SHA256.HashData(hashed)[..4];
    }
}
