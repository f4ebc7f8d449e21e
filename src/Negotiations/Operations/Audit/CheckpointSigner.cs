using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace Negotiations.Operations.Audit;

/// <summary>Signs checkpoints with the configured Ed25519 key (Audit:SigningKey), as C2SP signed notes named after the log's origin.</summary>
public sealed class CheckpointSigner : IDisposable
{
    private readonly Key? key;

    public CheckpointSigner(IOptions<AuditSettings> settings)
    {
        Origin = settings.Value.Origin;
        if (settings.Value.SigningKey is { } seed)
        {
            key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(seed), KeyBlobFormat.RawPrivateKey);
            VerifierKey = SignedNote.VerifierKey(Origin, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        }
    }

    public string Origin { get; }

    /// <summary>The verifier key, name+keyid+base64 key; null without a signing key.</summary>
    public string? VerifierKey { get; }

    public static bool IsKey(string seed)
    {
        try { return Convert.FromBase64String(seed).Length == 32; }
        catch (FormatException) { return false; }
    }

    /// <summary>The signed checkpoint of a tree of this size and root; null without a signing key.</summary>
    public string? Note(long treeSize, byte[] root) =>
        key is null ? null : SignedNote.Sign(new CheckpointBody(Origin, treeSize, root).Text, Origin, key);

    public void Dispose() => key?.Dispose();
}
